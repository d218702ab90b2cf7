import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `check` until it returns true. The limit only turns a hang into a readable failure; tests
 * never assert on how long something took.
 */
export async function until(check: () => boolean | Promise<boolean>, what = 'condition', limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(10);
  }
}
