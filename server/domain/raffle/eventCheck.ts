import { EventSummary } from '../../../shared/events.ts';

/** Whether a launch event exists: what a raffle is created under. */
export type EventExists = (eventId: string) => Promise<boolean>;

/**
 * The stand-in until the event store lands: any id a launch event may have (shared/events.ts) is
 * taken to exist. NOTE: server/app.ts wires this as `eventExists`; once the event store is there, wire
 * its lookup instead (an event with this id in the store), and this file goes.
 */
export const anyWellFormedEvent: EventExists = async (eventId) => EventSummary.shape.id.safeParse(eventId).success;
