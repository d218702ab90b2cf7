import { z } from 'zod';
import { LocalizedText } from './i18nText.ts';

/**
 * A launch event's provably fair raffle, as everyone sees it. The steps, each published before the next:
 *
 * 1. `committed`: the server drew a secret 32-byte seed and publishes only `commitment` = SHA-256(seed).
 * 2. `open`: visitors enter; each entry gets a random public entry id (never the visitor's id or name).
 * 3. `closed`: entries stop; the sorted list of public entry ids and `entrantsHash` are published.
 * 4. `revealed`: the seed is published; `winners` follow from (seed, entrantsHash) alone (shared/raffleDraw.ts),
 *    so anyone can check the commitment, the list and the draw (`npm run verify:raffle -- <url>`).
 */

export const RAFFLE_STATES = ['committed', 'open', 'closed', 'revealed'] as const;
export const RaffleState = z.enum(RAFFLE_STATES);
export type RaffleState = z.infer<typeof RaffleState>;

/** Version of the proof's layout and of the draw it describes (shared/raffleDraw.ts). */
export const RAFFLE_PROOF_VERSION = 1;

/** The most winners one raffle may draw. */
export const MAX_RAFFLE_WINNERS = 100;

/** 32 bytes as 64 lower-case hex digits (SHA-256 digests and the seed). */
export const Hex32 = z.string().regex(/^[0-9a-f]{64}$/);

/** A public entry id: 16 lower-case hex digits (64 random bits), handed to the entrant only. */
export const RaffleEntryId = z.string().regex(/^[0-9a-f]{16}$/);
export type RaffleEntryId = z.infer<typeof RaffleEntryId>;

const Instant = z.iso.datetime({ offset: true });

/** `GET /api/events/:id/raffle`: the public proof, everything a verifier needs and nothing secret. */
export const RaffleProof = z.strictObject({
  version: z.literal(RAFFLE_PROOF_VERSION),
  eventId: z.string().min(1),
  prize: LocalizedText,
  /** How many winners the draw picks (fewer when fewer entered). */
  winnersCount: z.number().int().min(1).max(MAX_RAFFLE_WINNERS),
  state: RaffleState,
  /** SHA-256 of the 32 seed bytes, published before entries open. */
  commitment: Hex32,
  /** How many entries there are (while open too). */
  entrantCount: z.number().int().min(0),
  /** Public entry ids in ascending code-unit order; null until closed. */
  entrants: z.array(RaffleEntryId).nullable(),
  /** SHA-256 of the entrants' canonical encoding (raffleDraw.ts `encodeEntrants`); null until closed. */
  entrantsHash: Hex32.nullable(),
  /** The secret seed (hex); null until revealed. */
  seed: Hex32.nullable(),
  /** Winning public entry ids in draw order (first drawn first); null until revealed. */
  winners: z.array(RaffleEntryId).nullable(),
  createdAt: Instant,
  openedAt: Instant.nullable(),
  closedAt: Instant.nullable(),
  revealedAt: Instant.nullable(),
});
export type RaffleProof = z.infer<typeof RaffleProof>;

/** `POST /api/events/:id/raffle` (venue admin): what is won and by how many. */
export const RaffleCreateRequest = z.strictObject({
  prize: LocalizedText,
  winnersCount: z.number().int().min(1).max(MAX_RAFFLE_WINNERS),
});
export type RaffleCreateRequest = z.infer<typeof RaffleCreateRequest>;

/** `POST /api/events/:id/raffle/entries`: no fields (the visitor token says who enters). */
export const RaffleEntryRequest = z.strictObject({});
export type RaffleEntryRequest = z.infer<typeof RaffleEntryRequest>;

/** The visitor's entry: their public entry id, to find in `entrants` and `winners`. */
export const RaffleEntryResponse = z.object({ eventId: z.string(), entryId: RaffleEntryId });
export type RaffleEntryResponse = z.infer<typeof RaffleEntryResponse>;

/** The venue admin's steps after creation, in order: `POST /api/events/:id/raffle/<step>`. */
export const RAFFLE_STEPS = ['open', 'close', 'reveal'] as const;
export type RaffleStep = (typeof RAFFLE_STEPS)[number];
/** The bodies of the steps: no fields. */
export const RaffleStepRequest = z.strictObject({});

/** The raffle's API path under an event (`/api/events/:id/raffle`). */
export function rafflePath(eventsPrefix: string, eventId: string): string {
  return `${eventsPrefix}/${encodeURIComponent(eventId)}/raffle`;
}

/**
 * The proof's API URL from what a visitor has: the raffle's API URL itself, the event's API URL
 * (`…/api/events/<id>`), or the event page's share link (`…/?event=<id>`). Throws on anything else.
 */
export function raffleProofUrl(link: string, eventsPrefix: string, eventParam: string): URL {
  const url = new URL(link);
  const fromPage = url.searchParams.get(eventParam);
  if (fromPage) return new URL(rafflePath(eventsPrefix, fromPage), url.origin);
  const path = url.pathname.replace(/\/+$/, '');
  const match = path.startsWith(`${eventsPrefix}/`) ? path.slice(eventsPrefix.length + 1).split('/') : [];
  const [eventId, tail] = match;
  if (eventId && match.length <= 2 && (tail === undefined || tail === 'raffle')) {
    return new URL(rafflePath(eventsPrefix, decodeURIComponent(eventId)), url.origin);
  }
  throw new Error(`not a raffle or event link: ${link} (expected …${eventsPrefix}/<id>/raffle or …/?${eventParam}=<id>)`);
}
