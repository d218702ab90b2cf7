import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../shared/api.ts';
import { RaffleProof, rafflePath } from '../../../shared/raffle.ts';
import { eventsFileWith } from '../support/events.ts';
import { startTestServer, type TestServer } from '../support/testServer.ts';

const run = promisify(execFile);
const script = path.resolve(import.meta.dirname, '../../../scripts/verify-raffle.ts');
const adminToken = 'venue-admin-token-for-verify';
const EVENT = 'verify-launch';

/** Runs `npm run verify:raffle -- …args` as its own process; resolves to its exit code and output. */
async function verify(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [script, ...args], { timeout: 20_000 });
    return { code: 0, out: stdout };
  } catch (e) {
    const failed = e as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, out: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

let server: TestServer;
let proof: RaffleProof;
let entryId: string;
let tampered: Server;
let tamperedUrl: string;
let serve: unknown;

beforeAll(async () => {
  server = await startTestServer({ config: { apiRatePerMinute: 10_000, adminToken, eventsFile: eventsFileWith([EVENT]) } });
  const admin = await server
    .api()
    .post(API.session, { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken });
  const host = server.api(admin.body.token);
  const raffle = rafflePath(API.events, EVENT);
  await host.post(raffle, { prize: { en: 'A signed jersey', 'zh-CN': '签名球衣' }, winnersCount: 2 });
  await host.post(`${raffle}/open`, {});
  for (const name of ['Ann', 'Bo', 'Cy', 'Di', 'Ed']) {
    const v = await server.visitor(name);
    entryId = (await server.api(v.token).post(`${raffle}/entries`, {})).body.entryId;
  }
  await host.post(`${raffle}/close`, {});
  proof = RaffleProof.parse((await host.post(`${raffle}/reveal`, {})).body);

  // A copy of the proof served elsewhere, which each test may tamper with.
  tampered = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(serve));
  });
  await new Promise<void>((resolve) => tampered.listen(0, '127.0.0.1', resolve));
  const address = tampered.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  tamperedUrl = `http://127.0.0.1:${address.port}${rafflePath(API.events, EVENT)}`;
});
afterAll(async () => {
  await new Promise((resolve) => tampered?.close(resolve));
  await server?.close();
});

describe('npm run verify:raffle', () => {
  it("accepts the server's proof, from the raffle URL or the event's share link", async () => {
    const direct = await verify(`${server.baseUrl}${rafflePath(API.events, EVENT)}`, '--entry', entryId);
    expect(direct.out).toContain('the raffle proof holds');
    expect(direct.out).toContain('PASS winners');
    expect(direct.out).toContain(`PASS myEntry: entry ${entryId} is in the list`);
    expect(direct.code).toBe(0);
    const shared = await verify(`${server.baseUrl}/?event=${EVENT}`);
    expect(shared.code).toBe(0);
  });

  it('accepts an untouched copy and rejects a tampered one, naming the check', async () => {
    serve = proof;
    expect((await verify(tamperedUrl)).code).toBe(0);
    const loser = proof.entrants!.find((id) => !proof.winners!.includes(id))!;
    serve = { ...proof, winners: [loser, ...proof.winners!.slice(1)] };
    const winner = await verify(tamperedUrl);
    expect(winner.code).toBe(1);
    expect(winner.out).toContain('FAIL winners');
    serve = { ...proof, seed: 'ab'.repeat(32) };
    const seed = await verify(tamperedUrl);
    expect(seed.code).toBe(1);
    expect(seed.out).toContain('FAIL commitment');
  });

  it('checks a saved proof file too', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'raffle-proof-')), 'proof.json');
    writeFileSync(file, JSON.stringify(proof));
    expect((await verify(file)).code).toBe(0);
    writeFileSync(file, JSON.stringify({ ...proof, entrants: [...proof.entrants!].reverse() }));
    const unsorted = await verify(file);
    expect(unsorted.code).toBe(1);
    expect(unsorted.out).toContain('FAIL entrantsSorted');
    rmSync(path.dirname(file), { recursive: true });
  });

  it('says when the proof cannot be read', async () => {
    const missing = await verify(`${server.baseUrl}${rafflePath(API.events, 'no-raffle-here')}`);
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('404');
  });
});
