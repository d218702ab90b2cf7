/**
 * The raffle's arithmetic, the same in the server, the verify script and the browser: WebCrypto
 * (`globalThis.crypto.subtle`, Node ≥ 20 and every browser in a secure context) does the hashing, so
 * nothing here depends on Node.
 *
 * - commitment   = SHA-256(seed), the seed's 32 raw bytes (not its hex text).
 * - entrantsHash = SHA-256(encodeEntrants(sorted ids)): each id's UTF-8 bytes followed by one LF (0x0a).
 * - the draw: a byte stream of blocks HMAC-SHA256(key = seed, message = entrantsHash bytes ‖ counter as
 *   4 bytes big-endian), counter = 0, 1, 2…, read as 32-bit big-endian words. A uniform index below m
 *   takes the next word w, rejects it when w ≥ m·⌊2³²/m⌋ (so no residue is favoured) and else is w mod m.
 *   A partial Fisher–Yates shuffle of the sorted list picks the winners: for i = 0 … k−1 swap item i
 *   with item i + uniform(n − i); the first k items, in that order, are the winners (k = min(count, n)).
 */

const encoder = new TextEncoder();

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of an even-length hex string; throws on anything else. */
export function fromHex(hex: string): Uint8Array<ArrayBuffer> {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) throw new Error('not a hex string');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/** The commitment published before entries open: SHA-256 of the seed's bytes, as hex. */
export function commitmentOf(seedHex: string): Promise<string> {
  return sha256(fromHex(seedHex));
}

/** Public entry ids in the one order the proof uses: ascending by UTF-16 code units (`Array#sort`'s default). */
export function sortEntrants(ids: readonly string[]): string[] {
  return [...ids].sort();
}

/** The bytes `entrantsHash` is taken over: each id then a line feed. */
export function encodeEntrants(sortedIds: readonly string[]): Uint8Array<ArrayBuffer> {
  return encoder.encode(sortedIds.map((id) => `${id}\n`).join(''));
}

/** SHA-256 of the sorted entrant list's canonical encoding, as hex. */
export function entrantsHashOf(sortedIds: readonly string[]): Promise<string> {
  return sha256(encodeEntrants(sortedIds));
}

/** The draw's random words: HMAC-SHA256(seed, entrantsHash ‖ counter) blocks, 8 words per block. */
export interface DrawStream {
  nextWord(): Promise<number>;
}

/** The word stream of a draw (see the file's comment). */
export async function drawStream(seedHex: string, entrantsHashHex: string): Promise<DrawStream> {
  const key = await crypto.subtle.importKey('raw', fromHex(seedHex), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const prefix = fromHex(entrantsHashHex);
  let counter = 0;
  let block: DataView | undefined;
  let offset = 0;
  return {
    async nextWord() {
      if (!block || offset === block.byteLength) {
        const message = new Uint8Array(prefix.length + 4);
        message.set(prefix);
        new DataView(message.buffer).setUint32(prefix.length, counter++);
        block = new DataView(await crypto.subtle.sign('HMAC', key, message));
        offset = 0;
      }
      const word = block.getUint32(offset);
      offset += 4;
      return word;
    },
  };
}

const WORDS = 2 ** 32;

/** A uniform integer in [0, m) from the stream, by rejection sampling (no modulo bias). */
export async function uniformBelow(stream: DrawStream, m: number): Promise<number> {
  if (!Number.isInteger(m) || m < 1 || m > WORDS) throw new RangeError(`cannot draw below ${m}`);
  const limit = WORDS - (WORDS % m);
  for (;;) {
    const word = await stream.nextWord();
    if (word < limit) return word % m;
  }
}

/** The winners, in draw order, of `count` draws from the sorted entrants under this seed. */
export async function drawWinners(seedHex: string, sortedIds: readonly string[], count: number): Promise<string[]> {
  const items = [...sortedIds];
  const stream = await drawStream(seedHex, await entrantsHashOf(items));
  const k = Math.min(count, items.length);
  for (let i = 0; i < k; i++) {
    const j = i + (await uniformBelow(stream, items.length - i));
    const picked = items[j] as string;
    items[j] = items[i] as string;
    items[i] = picked;
  }
  return items.slice(0, k);
}
