import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect } from 'kysely';
import { migrateToLatest } from '../../../server/db/migrate.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const migrationsDir = path.join(root, 'server/db/migrations');

function templateFile(): string {
  const hash = createHash('sha256');
  const pglitePackage = path.join(root, 'node_modules/@electric-sql/pglite/package.json');
  hash.update(fs.existsSync(pglitePackage) ? fs.readFileSync(pglitePackage) : 'unknown');
  for (const name of fs.readdirSync(migrationsDir).sort()) {
    hash.update(name).update(fs.readFileSync(path.join(migrationsDir, name)));
  }
  return path.join(os.tmpdir(), `courtside-pglite-template-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

let cached: Promise<Blob> | undefined;

/**
 * A migrated, empty PGlite database as a `dumpDataDir()` tarball. initdb costs seconds, so it runs
 * once per migration set: the tarball is cached in the OS temp dir (keyed by a hash of the
 * migrations and the PGlite version) and every test database starts from it in under a second.
 */
export function pgliteTemplate(): Promise<Blob> {
  cached ??= (async () => {
    const file = templateFile();
    if (!fs.existsSync(file)) {
      const pglite = await PGlite.create();
      const db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
      await migrateToLatest(db);
      const dump = await pglite.dumpDataDir('gzip');
      await db.destroy();
      // NOTE: write then rename, so a parallel run never reads a half-written template.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(tmp, file);
    }
    return new Blob([fs.readFileSync(file)]);
  })();
  return cached;
}

/** A fresh in-memory PGlite started from the template (for domain tests that need real SQL). */
export async function templateDatabase(): Promise<PGlite> {
  return PGlite.create({ loadDataDir: await pgliteTemplate() });
}
