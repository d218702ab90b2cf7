/**
 * One worker thread of `bench:drop`'s entrants: each of its visitors taps "Enter the drop" at a random
 * moment of the window, then waits on `GET …/drop?waitMs=` for the draw. NOTE: the entrants are split
 * over a few threads so that reading 5,000 answers at once is not one event loop's queue (that would
 * be the client's delay, not the server's).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DropView } from '../../../shared/drop.ts';
import { send } from './http.ts';

export interface EntrantsJob {
  baseUrl: string;
  dropPath: string;
  tokens: string[];
  windowMs: number;
}

export interface EntrantAnswer {
  entryMs: number;
  entryStatus: number;
  /** When the answer arrived (ms since the epoch). */
  at: number;
  view: DropView;
}

const { baseUrl, dropPath, tokens, windowMs } = workerData as EntrantsJob;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const answers = await Promise.all(
  tokens.map(async (token): Promise<EntrantAnswer> => {
    const auth = { authorization: `Bearer ${token}` };
    await sleep(Math.random() * windowMs * 0.95);
    const start = performance.now();
    const entry = await send(baseUrl, 'POST', `${dropPath}/entries`, {}, auth);
    const entryMs = performance.now() - start;
    const answer = await send(baseUrl, 'GET', `${dropPath}?waitMs=30000`, undefined, auth);
    return { entryMs, entryStatus: entry.status, at: answer.at, view: answer.body as DropView };
  }),
);
parentPort?.postMessage(answers);
