/**
 * Close codes of a connection lost on the way (no close frame 1005, abnormal 1006, going away 1001,
 * Colyseus's "may try to reconnect" 4010): the ones the SDK reconnects after. A close the server chose
 * (taken over, removed by the admin) or the page chose is not held.
 */
const NETWORK_DROPS: readonly number[] = [1001, 1005, 1006, 4010];

/** Whether a connection closed with `code` was lost on the way, so its seat is worth holding. */
export function isNetworkDrop(code: number): boolean {
  return NETWORK_DROPS.includes(code);
}

/** A dropped visitor's seat, waiting for their page to reconnect into it. */
interface HeldSeat {
  visitorId: string;
  /** Gives the seat up now (the room then lets the visitor leave as if the wait ran out). */
  release: () => void;
}

/**
 * One shard's held seats. A dropped connection keeps its player (same place, same session id) for
 * `RECONNECT_SECONDS`; the SDK reconnects into it, or the wait runs out and the visitor leaves. When the
 * same visitor joins again as a new session instead (the page gave the old room up), the held seat is
 * given up at once, so nobody sees two of them.
 */
export interface SeatHolds {
  /** Holds `sessionId`'s seat for `visitorId`; `release` ends the wait early. */
  hold(sessionId: string, visitorId: string, release: () => void): void;
  /** The wait ended (reconnected, ran out, or released): forgets the seat. */
  end(sessionId: string): void;
  /** Releases every seat held for `visitorId` except `keep`'s; returns how many. */
  releaseVisitor(visitorId: string, keep?: string): number;
  /** Releases every held seat (the process drains: nobody will be back here); returns how many. */
  releaseAll(): number;
  /** Seats held now. */
  readonly size: number;
}

/** Makes an empty set of held seats for one shard. */
export function createSeatHolds(): SeatHolds {
  const held = new Map<string, HeldSeat>();
  return {
    hold(sessionId, visitorId, release) {
      held.set(sessionId, { visitorId, release });
    },
    end(sessionId) {
      held.delete(sessionId);
    },
    releaseVisitor(visitorId, keep) {
      let released = 0;
      for (const [sessionId, seat] of [...held]) {
        if (seat.visitorId !== visitorId || sessionId === keep) continue;
        held.delete(sessionId);
        seat.release();
        released++;
      }
      return released;
    },
    releaseAll() {
      const seats = [...held.values()];
      held.clear();
      for (const seat of seats) seat.release();
      return seats.length;
    },
    get size() {
      return held.size;
    },
  };
}
