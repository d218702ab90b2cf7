import type { DropResult } from '../../shared/drop.ts';
import type { EventExtras, EventExtrasSnapshot } from '../../shared/eventExtras.ts';
import type { SliceCreator } from './createAppStore.ts';

export interface EventExtrasSlice {
  /** Each launch event's drop and raffle by event id, as the room last said (`MSG.eventExtras`). */
  eventExtras: Readonly<Record<string, EventExtras>>;
  /** The `seq` of the copy held; an older copy is ignored. */
  eventExtrasSeq: number;
  /** The visitor's own result in each event's drop (from `GET …/drop`, an entry, or `MSG.dropResult`). */
  myDrops: Readonly<Record<string, DropResult>>;
  /** The visitor's public raffle entry id per event; null when the server said they have none. */
  myRaffleEntries: Readonly<Record<string, string | null>>;
  /** Takes a copy newer than the one held; `fresh` (the first copy from a room just joined) always wins. */
  applyEventExtras: (snapshot: EventExtrasSnapshot, fresh?: boolean) => void;
  setMyDrop: (eventId: string, result: DropResult) => void;
  setMyRaffleEntry: (eventId: string, entryId: string | null) => void;
}

export const createEventExtrasSlice: SliceCreator<EventExtrasSlice> = (set, get) => ({
  eventExtras: {},
  eventExtrasSeq: -1,
  myDrops: {},
  myRaffleEntries: {},
  applyEventExtras: (snapshot, fresh = false) => {
    // NOTE: a server restarted while away counts from 0 again, so the copy sent on joining is taken as it is.
    if (!fresh && snapshot.seq <= get().eventExtrasSeq) return;
    set({ eventExtras: Object.fromEntries(snapshot.extras.map((e) => [e.eventId, e])), eventExtrasSeq: snapshot.seq });
  },
  setMyDrop: (eventId, result) => set((s) => ({ myDrops: { ...s.myDrops, [eventId]: result } })),
  setMyRaffleEntry: (eventId, entryId) => set((s) => ({ myRaffleEntries: { ...s.myRaffleEntries, [eventId]: entryId } })),
});
