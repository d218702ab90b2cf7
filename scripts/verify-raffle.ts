/**
 * Checks a launch event's raffle from its public data alone: `npm run verify:raffle -- <link> [--entry <id>]`.
 *
 * The link is the raffle's API URL (`https://host/api/events/<id>/raffle`), the event's share link
 * (`https://host/?event=<id>`) or a saved proof's JSON file. It fetches the proof, recomputes the
 * commitment, the entrant list's hash and the winners (shared/raffleDraw.ts), prints every check, and
 * exits 1 when any fails (2 when the proof could not be read). `--entry` also checks that your public
 * entry id is in the list. It uses only shared/ code, none of the server's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API } from '../shared/api.ts';
import { EVENT_LINK_PARAM } from '../shared/events.ts';
import { raffleProofUrl } from '../shared/raffle.ts';
import { verifyRaffle } from '../shared/raffleVerify.ts';

async function readProof(link: string): Promise<{ from: string; proof: unknown }> {
  if (!/^https?:\/\//i.test(link)) {
    // NOTE: npm runs scripts from the package root; INIT_CWD is where `npm run` was typed.
    const file = path.resolve(process.env.INIT_CWD ?? process.cwd(), link);
    return { from: file, proof: JSON.parse(readFileSync(file, 'utf8')) };
  }
  const url = raffleProofUrl(link, API.events, EVENT_LINK_PARAM);
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${url} answered ${res.status} ${(await res.text()).slice(0, 200)}`);
  return { from: url.href, proof: await res.json() };
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { entry: { type: 'string' } } });
  const [link] = positionals;
  if (!link || positionals.length > 1) {
    console.error(
      'usage: npm run verify:raffle -- <raffle URL | event link …/?event=<id> | proof.json> [--entry <public entry id>]',
    );
    return 2;
  }
  let read: { from: string; proof: unknown };
  try {
    read = await readProof(link);
  } catch (e) {
    console.error(`verify:raffle: could not read the proof: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  console.log(`raffle proof from ${read.from}`);
  const verdict = await verifyRaffle(read.proof, values.entry === undefined ? {} : { myEntry: values.entry });
  for (const check of verdict.checks) console.log(`${check.ok ? 'PASS' : 'FAIL'} ${check.name}: ${check.detail}`);
  console.log(verdict.ok ? 'the raffle proof holds' : `the raffle proof FAILS: ${verdict.failed.join(', ')}`);
  return verdict.ok ? 0 : 1;
}

process.exitCode = await main();
