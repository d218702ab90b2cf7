import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  commitmentOf,
  drawStream,
  drawWinners,
  encodeEntrants,
  entrantsHashOf,
  fromHex,
  sortEntrants,
  uniformBelow,
} from '../../../shared/raffleDraw.ts';

const SEED = `${'00'.repeat(31)}01`;
/** Ten sorted public entry ids: 0000000000000000, 0000000000001111 … 0000000000009999. */
const IDS = Array.from({ length: 10 }, (_, i) => (i * 0x1111).toString(16).padStart(16, '0'));

describe('the raffle draw (known vector)', () => {
  it('commits to SHA-256 of the seed bytes and hashes the LF-terminated list', async () => {
    expect(await commitmentOf(SEED)).toBe('ec4916dd28fc4c10d78e287ca5d9cc51ee1ae73cbfde08c6b37324cbfaac8bc5');
    // An independent implementation (node:crypto) of the documented encodings.
    expect(await commitmentOf(SEED)).toBe(createHash('sha256').update(fromHex(SEED)).digest('hex'));
    expect(await entrantsHashOf(IDS)).toBe(
      createHash('sha256')
        .update(IDS.map((id) => `${id}\n`).join(''))
        .digest('hex'),
    );
    expect(await entrantsHashOf(IDS)).toBe('e51874a4668310f679f28d351b662269ed71e1500ecd6b317d438aa4edfa016f');
    expect(new TextDecoder().decode(encodeEntrants(['a', 'b']))).toBe('a\nb\n');
  });

  it('draws the same winners from the same seed and list', async () => {
    expect(await drawWinners(SEED, IDS, 3)).toEqual(['0000000000006666', '0000000000003333', '0000000000004444']);
  });

  it('reads the stream as HMAC-SHA256(seed, entrantsHash ‖ counter) words, big-endian', async () => {
    const hash = await entrantsHashOf(IDS);
    const stream = await drawStream(SEED, hash);
    const words: number[] = [];
    for (let i = 0; i < 10; i++) words.push(await stream.nextWord());
    const block = (counter: number) => {
      const c = Buffer.alloc(4);
      c.writeUInt32BE(counter);
      return createHmac('sha256', fromHex(SEED))
        .update(Buffer.concat([fromHex(hash), c]))
        .digest();
    };
    const expected = Buffer.concat([block(0), block(1)]);
    expect(words).toEqual(Array.from({ length: 10 }, (_, i) => expected.readUInt32BE(i * 4)));
  });

  it('changes the winners when the seed or one entrant changes', async () => {
    const base = await drawWinners(SEED, IDS, 3);
    expect(await drawWinners(`${'00'.repeat(31)}02`, IDS, 3)).not.toEqual(base);
    const other = sortEntrants([...IDS.slice(0, 9), 'ffffffffffffffff']);
    expect(await entrantsHashOf(other)).not.toBe(await entrantsHashOf(IDS));
    expect(await drawWinners(SEED, other, 3)).not.toEqual(base);
  });

  it('draws everyone once when there are fewer entrants than winners, and nobody from nobody', async () => {
    const all = await drawWinners(SEED, IDS.slice(0, 4), 10);
    expect([...all].sort()).toEqual(IDS.slice(0, 4));
    expect(await drawWinners(SEED, [], 3)).toEqual([]);
  });
});

describe('uniformBelow', () => {
  /** A stream that replays fixed words. */
  const fixed = (words: number[]) => ({ nextWord: async () => words.shift() ?? 0 });

  it('rejects the words that would favour low residues', async () => {
    // m = 3: 2^32 mod 3 = 1, so the one word 2^32 − 1 is rejected and the next one used.
    expect(await uniformBelow(fixed([2 ** 32 - 1, 7]), 3)).toBe(1);
    expect(await uniformBelow(fixed([2 ** 32 - 2]), 3)).toBe((2 ** 32 - 2) % 3);
    expect(await uniformBelow(fixed([2 ** 32 - 1]), 1)).toBe(0);
  });

  it('is uniform over a fixed seed stream (chi-square, m = 7, 70,000 draws)', async () => {
    // NOTE: the stream is fixed, so this either always passes or always fails; the bound is the 99.9th
    // percentile of chi-square with 6 degrees of freedom (22.46): a fair generator fails it for 1 seed in 1,000.
    const m = 7;
    const n = 70_000;
    const stream = await drawStream(SEED, await entrantsHashOf(IDS));
    const counts = new Array<number>(m).fill(0);
    for (let i = 0; i < n; i++) counts[await uniformBelow(stream, m)]! += 1;
    const expected = n / m;
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(chi2).toBeLessThan(22.46);
  });

  it('makes every entrant equally likely to win first (chi-square over 2,000 seeds, 5 entrants)', async () => {
    const ids = IDS.slice(0, 5);
    const counts = new Map(ids.map((id) => [id, 0]));
    const n = 2_000;
    for (let s = 0; s < n; s++) {
      const seed = createHash('sha256').update(`seed ${s}`).digest('hex');
      const [first] = await drawWinners(seed, ids, 1);
      counts.set(first!, (counts.get(first!) ?? 0) + 1);
    }
    const expected = n / ids.length;
    const chi2 = [...counts.values()].reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    // 99.9th percentile of chi-square with 4 degrees of freedom: 18.47.
    expect(chi2).toBeLessThan(18.47);
  });
});
