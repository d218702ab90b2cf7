import { randomInt } from 'node:crypto';

/** An integer in [0, max), uniformly; `crypto.randomInt` unless a test injects its own. */
export type RandomInt = (max: number) => number;

/**
 * The draw: a uniform random order of the entrants (Fisher–Yates, each swap index drawn with a
 * cryptographic RNG, so every one of the n! orders is equally likely and nobody can predict it).
 * The input is not changed.
 */
export function drawOrder<T>(entrants: readonly T[], random: RandomInt = randomInt): T[] {
  const order = [...entrants];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random(i + 1);
    const a = order[i] as T;
    order[i] = order[j] as T;
    order[j] = a;
  }
  return order;
}
