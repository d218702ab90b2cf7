import { localize } from '../../shared/i18nText.ts';
import type { SquadShowEvent, SquadView } from '../../shared/together.ts';
import type { SliceCreator } from './createAppStore.ts';

/** A product a squad mate showed to this visitor: its shelf slot glows until the next one. */
export interface SquadShown {
  productId: string;
  colourwayId: string;
  name: string;
}

export interface SquadSlice {
  /** The visitor's squad with every member's cart lines (the squad cart), or null. */
  squad: SquadView | null;
  /** The last product a squad mate showed. */
  squadShown: SquadShown | null;
  /** How many squad snapshots the room has sent: an HTTP request notes it when it leaves. */
  squadRoomSeq: number;
  /**
   * Takes a squad snapshot. One from the room knows who is in the arena (session ids); one from HTTP
   * does not, so it keeps the session ids the room last gave for the same members. An HTTP answer is
   * dropped when the room sent a snapshot after the request left (`askedAt`, the `squadRoomSeq` then).
   */
  setSquad: (squad: SquadView | null, from: 'room' | 'http', askedAt?: number) => void;
  /** A squad mate showed a product: it glows on its shelf and its card opens in that colourway. */
  receiveShow: (event: SquadShowEvent) => void;
}

export const createSquadSlice: SliceCreator<SquadSlice> = (set, get) => ({
  squad: null,
  squadShown: null,
  squadRoomSeq: 0,
  setSquad: (squad, from, askedAt) =>
    set((s) => {
      if (from === 'room') return { squad, squadRoomSeq: s.squadRoomSeq + 1 };
      // NOTE: the answer may have been read before a change the room already showed. The room hears of
      // every change after it is committed, so its snapshot is as new, or a newer one is on its way.
      if (askedAt !== undefined && askedAt !== s.squadRoomSeq) return {};
      return { squad: withKnownSessions(squad, s.squad) };
    }),
  receiveShow: (event) => {
    const s = get();
    const product = s.catalog?.products.find((p) => p.id === event.productId);
    if (!product) return;
    set({ squadShown: { productId: event.productId, colourwayId: event.colourwayId, name: event.name } });
    s.chooseColourway(event.productId, event.colourwayId);
    s.openProduct(event.productId);
    s.showNotice({ key: 'squad.shows', params: { name: event.name, product: localize(product.name, s.profile.locale) } });
  },
});

/** An HTTP snapshot with the session ids of the room's last snapshot of the same squad. */
export function withKnownSessions(next: SquadView | null, known: SquadView | null): SquadView | null {
  if (!next || !known || next.id !== known.id) return next;
  const sessions = new Map(known.members.map((m) => [m.memberId, m.sessionId]));
  return { ...next, members: next.members.map((m) => ({ ...m, sessionId: m.sessionId ?? sessions.get(m.memberId) ?? null })) };
}
