import { z } from 'zod';
import { SkuRef } from './catalog.ts';
import { Currency } from './money.ts';

/**
 * The fair drop of a launch event: a limited SKU whose buyers are drawn, not raced. The host opens
 * entries for a window; every visitor who enters in it is in, whenever they clicked. At close a
 * cryptographic draw orders the entrants: the first `units` win a hold (one unit, reserved for
 * `holdMs`, bought through the normal checkout at the drop price), the next `lineLength` wait in line
 * and are offered a unit whose hold lapsed, the rest are told "not this time".
 *
 * Routes (under `/api/events/:id/drop`): `POST` create (host), `POST …/open` and `POST …/close`
 * (host), `POST …/entries` (visitor), `GET` (the drop and the caller's result; `?waitMs=` waits for
 * the draw). Connected visitors also get their own result as the room message `MSG.dropResult`.
 */

/** `POST /api/events/:id/drop`: what the host sets up. */
export const DropConfig = z
  .strictObject({
    sku: SkuRef,
    /** Units drawn; fewer when the SKU has less stock at the draw. */
    units: z.number().int().min(1).max(10_000),
    /** Price of a won unit per currency (integer minor units); a currency missing here cannot buy it. */
    prices: z.partialRecord(Currency, z.number().int().positive()),
    entryWindowMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
    /** How long a winner's unit is held for them to pay (default 5 minutes). */
    holdMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
    /** How many entrants after the winners wait in line for a lapsed hold (default: as many as the units). */
    lineLength: z.number().int().min(0).max(100_000).optional(),
  })
  .refine((c) => Object.keys(c.prices).length > 0, { message: 'at least one currency needs a drop price', path: ['prices'] });
export type DropConfig = z.infer<typeof DropConfig>;
export type DropConfigInput = z.input<typeof DropConfig>;

export const DROP_STATUSES = ['scheduled', 'open', 'drawn'] as const;
export const DropStatus = z.enum(DROP_STATUSES);
export type DropStatus = z.infer<typeof DropStatus>;

/**
 * One visitor's standing in a drop. `none`: not entered; `entered`: in, the draw is to come; `won`: a
 * unit is held until `holdExpiresAt` (server ms); `waiting`: `position` in line (1 = next offered);
 * `lost`: not this time (or a won hold lapsed); `bought`: the held unit was paid for.
 */
export const DropResult = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('entered') }),
  z.object({ kind: z.literal('won'), holdExpiresAt: z.number().int() }),
  z.object({ kind: z.literal('waiting'), position: z.number().int().min(1) }),
  z.object({ kind: z.literal('lost') }),
  z.object({ kind: z.literal('bought') }),
]);
export type DropResult = z.infer<typeof DropResult>;

/** `GET /api/events/:id/drop` (and the answer of every host command): the drop and the caller's result. */
export const DropView = z.object({
  eventId: z.string(),
  sku: SkuRef,
  units: z.number().int(),
  prices: z.partialRecord(Currency, z.number().int()),
  entryWindowMs: z.number().int(),
  holdMs: z.number().int(),
  lineLength: z.number().int(),
  status: DropStatus,
  /** When entries close (server ms), once opened. */
  closesAt: z.number().int().nullable(),
  entrants: z.number().int(),
  /** Units actually drawn (stock may have had fewer), once drawn. */
  drawnUnits: z.number().int().nullable(),
  /** When this process had the draw written and told everyone (server ms), once drawn. */
  drawnAt: z.number().int().nullable(),
  result: DropResult,
  serverTime: z.number().int(),
});
export type DropView = z.infer<typeof DropView>;

/** `GET /api/events/:id/drop?waitMs=`: wait up to this long for the draw before answering. */
export const DropViewQuery = z.object({ waitMs: z.coerce.number().int().min(0).max(30_000).optional() });

/** `POST /api/events/:id/drop/entries`: no fields (one entry per visitor). */
export const DropEntryRequest = z.strictObject({});

/** Room message `MSG.dropResult`: this visitor's result, sent at the draw and when a lapsed hold passes to them. */
export const DropResultMessage = z.object({ eventId: z.string(), result: DropResult });
export type DropResultMessage = z.infer<typeof DropResultMessage>;
