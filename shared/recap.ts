import { z } from 'zod';
import { EventPhase } from './events.ts';
import { RaffleProof } from './raffle.ts';

const Instant = z.iso.datetime({ offset: true });

/** How an event's fair drop went: how many entered, how many units, how fast they sold. */
export const DropRecap = z.object({
  units: z.number().int(),
  /** Units the draw took from stock (null until the draw). */
  drawnUnits: z.number().int().nullable(),
  entrants: z.number().int(),
  entryWindowMs: z.number().int(),
  /** When the draw happened (null until then). */
  drawnAt: Instant.nullable(),
  /** Units bought so far. */
  bought: z.number().int(),
  /** From the draw to the first unit paid, and to the last drawn unit paid (null until it happens). */
  firstBoughtAfterMs: z.number().int().nullable(),
  soldOutAfterMs: z.number().int().nullable(),
});
export type DropRecap = z.infer<typeof DropRecap>;

/** A question the host took on stage, in the order they were picked. */
export const RecapQuestion = z.object({
  askerName: z.string(),
  text: z.string(),
  votes: z.number().int(),
  pickedAt: Instant,
  answered: z.boolean(),
});
export type RecapQuestion = z.infer<typeof RecapQuestion>;

/** A poll the host ran and how the crowd voted (counts per option, in the options' order). */
export const RecapPoll = z.object({
  question: z.string(),
  options: z.array(z.string()),
  counts: z.array(z.number().int()),
  openedAt: Instant,
});
export type RecapPoll = z.infer<typeof RecapPoll>;

/**
 * `GET /api/events/:id/recap`: what happened at a launch, for the events page once it has ended (and,
 * as far as it has gone, while it runs): when the reveal and the live sale were, how the drop went, the
 * Q&A transcript (the questions taken on stage; hidden ones never), the polls and the raffle's public proof.
 */
export const EventRecap = z.object({
  eventId: z.string(),
  phase: EventPhase,
  /** The countdown reached zero and the reveal began (moved by the host's phase commands, if any). */
  revealAt: Instant,
  liveAt: Instant,
  endsAt: Instant,
  drop: DropRecap.nullable(),
  raffle: RaffleProof.nullable(),
  /** How many questions visitors asked (hidden ones included), and those the host took on stage. */
  questionsAsked: z.number().int(),
  questions: z.array(RecapQuestion),
  polls: z.array(RecapPoll),
});
export type EventRecap = z.infer<typeof EventRecap>;
