import { randomInt } from 'node:crypto';
import { SQUAD_CODE_ALPHABET } from '../../shared/together.ts';

/** Letters and digits that cannot be misread for one another (no 0/O, 1/I/L, 5/S, 8/B, 2/Z). */
export const ORDER_NUMBER_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A human-friendly order number such as `CS-7KQ4MX`. */
export function newOrderNumber(): string {
  return `CS-${randomString(ORDER_NUMBER_ALPHABET, 6)}`;
}

/** An opaque order id (what URLs use). */
export function newOrderId(): string {
  return `ord_${randomString(ID_ALPHABET, 20)}`;
}

/** An anonymous visitor id. */
export function newVisitorId(): string {
  return `v_${randomString(ID_ALPHABET, 20)}`;
}

/** An opaque squad id. */
export function newSquadId(): string {
  return `sq_${randomString(ID_ALPHABET, 20)}`;
}

/** A squad's short invite code, e.g. `K7QX4M` (see shared/together.ts `SquadCode`). */
export function newSquadCode(): string {
  return randomString(SQUAD_CODE_ALPHABET, 6);
}

/** An opaque id with a prefix saying what it names, e.g. `hinv_…` for a host invite. */
export function randomId(prefix: string): string {
  return `${prefix}${randomString(ID_ALPHABET, 20)}`;
}
