import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../../../server/db/database.ts';
import { pgliteTemplate } from '../../support/pgliteTemplate.ts';

/**
 * The embedded database (PGlite) as the server opens it: on a thread of its own, one connection that
 * a transaction holds until it ends, PostgreSQL's error fields, and data that outlives a close.
 */

let dir: string;
let database: DatabaseHandle;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-db-'));
  database = await openDatabase({ databaseUrl: undefined, dataDir: dir, pgliteTemplate: await pgliteTemplate() });
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the embedded database', () => {
  it('runs statements off the main thread: its timers fire while a long statement executes', async () => {
    let timerFired = false;
    const timer = setTimeout(() => {
      timerFired = true;
    }, 0);
    const heavy = sql<{ n: string }>`select count(*) as n from generate_series(1, 3000000) g where g % 7 = 0`.execute(
      database.db,
    );
    let firedBeforeAnswer: boolean | undefined;
    const answered = heavy.then((r) => {
      firedBeforeAnswer = timerFired;
      return r;
    });
    const result = await answered;
    clearTimeout(timer);
    expect(Number(result.rows[0]?.n)).toBe(428571);
    // NOTE: on the main thread the whole statement ran inside one synchronous WebAssembly call, so the
    // answer always came before any timer; on its own thread the main thread stays free meanwhile.
    expect(firedBeforeAnswer).toBe(true);
  });

  it('lets no statement into another request’s transaction: one issued meanwhile waits for the rollback', async () => {
    const key = `probe-${Date.now()}`;
    let seenMeanwhile: Promise<unknown[]> | undefined;
    await expect(
      database.db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key, value: 'uncommitted' }).execute();
        seenMeanwhile = database.db.selectFrom('settings').select('value').where('key', '=', key).execute();
        await trx.selectFrom('settings').select('key').where('key', '=', key).execute();
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await seenMeanwhile).toEqual([]);
  });

  it('keeps PostgreSQL’s error fields (code, constraint) on a failed statement', async () => {
    await database.db.insertInto('settings').values({ key: 'dup', value: 'a' }).execute();
    const error = await database.db
      .insertInto('settings')
      .values({ key: 'dup', value: 'b' })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: '23505', constraint: 'settings_pkey' });
  });

  it('keeps committed rows across a close and a reopen of the data dir', async () => {
    await database.db.insertInto('settings').values({ key: 'kept', value: 'yes' }).execute();
    await database.close();
    database = await openDatabase({ databaseUrl: undefined, dataDir: dir });
    const row = await database.db.selectFrom('settings').select('value').where('key', '=', 'kept').executeTakeFirst();
    expect(row?.value).toBe('yes');
  });
});
