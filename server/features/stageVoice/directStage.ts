import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import type { StageSignalEvent, StageSignalSend } from '../../../shared/stageVoice.ts';

/** One relayed signal: the session it is for (in any shard) and what that session gets. */
export interface StageDelivery {
  to: string;
  event: StageSignalEvent;
}

/** What a stage signal does: the signals to relay, or why it does nothing. */
export type StageSignalResult = { ok: true; deliveries: StageDelivery[] } | { ok: false; error: ErrorBody };

/** Who sent a stage signal, as the shard knows them. */
export interface StageSender {
  /** The connection's session id (unique across shards). */
  session: string;
  /** Whether the visitor may run the event (`mayHost`, asked at every signal). */
  mayHost: boolean;
}

/**
 * The venue's direct stages (no media server): per event, the host's session on air and the seated
 * listeners' sessions, in every shard. One per venue, like the venue's other singletons
 * (server/venue/venue.ts): shards reach each other's sessions through `CHANNEL.stageSignal`.
 */
export interface DirectStage {
  readonly maxListeners: number;
  /** Applies one validated signal from `from`; the event must be on stage (the shard checks its phase). */
  signal(from: StageSender, data: StageSignalSend): StageSignalResult;
  /** A session left its shard: its seat goes, and if it was on air, its listeners hear `bye`. */
  leave(session: string): StageDelivery[];
  /** Seated listeners of an event (tests and metrics). */
  listeners(eventId: string): number;
}

interface Stage {
  host: string | null;
  listeners: Set<string>;
}

const refuse = (code: ErrorBody['code'], message: string): StageSignalResult => ({
  ok: false,
  error: { code, message, type: MSG.stageSignal },
});
const deliver = (...deliveries: StageDelivery[]): StageSignalResult => ({ ok: true, deliveries });

/**
 * Makes the venue's direct stages with `maxListeners` seats per event. Only the event's host may go
 * on air and send offers, only to seated listeners; only a seated listener may answer, only to the
 * host on air. NOTE: a seat is counted when a listener asks, not when audio flows: the limit is the
 * host's uplink (one Opus stream per seat), and a listener waiting for the host will take one then.
 */
export function createDirectStage(maxListeners: number): DirectStage {
  const stages = new Map<string, Stage>();
  const stageOf = (eventId: string) => {
    let stage = stages.get(eventId);
    if (!stage) {
      stage = { host: null, listeners: new Set() };
      stages.set(eventId, stage);
    }
    return stage;
  };
  const byes = (eventId: string, from: string, to: Iterable<string>): StageDelivery[] =>
    [...to].map((session) => ({ to: session, event: { kind: 'bye', eventId, from } }));

  const apply = (from: StageSender, data: StageSignalSend): StageSignalResult => {
    const { eventId } = data;
    const stage = stageOf(eventId);
    switch (data.kind) {
      case 'listen': {
        if (stage.host === from.session) return refuse(ErrorCode.badRequest, 'the host on air does not listen');
        const seated = { to: from.session, event: { kind: 'seated', eventId, from: from.session } } as const;
        if (stage.listeners.has(from.session)) return deliver(seated);
        if (stage.listeners.size >= maxListeners) {
          return refuse(
            ErrorCode.stageFull,
            `stage voice is direct from the host: full (${maxListeners} listeners); a media server takes more`,
          );
        }
        stage.listeners.add(from.session);
        return stage.host
          ? deliver(seated, { to: stage.host, event: { kind: 'listen', eventId, from: from.session } })
          : deliver(seated);
      }
      case 'onAir': {
        if (!from.mayHost) return refuse(ErrorCode.forbidden, "only the event's host may speak on stage");
        if (!data.on) {
          if (stage.host !== from.session) return deliver();
          stage.host = null;
          return deliver(...byes(eventId, from.session, stage.listeners));
        }
        if (stage.host && stage.host !== from.session) return refuse(ErrorCode.forbidden, 'another host is on air');
        stage.host = from.session;
        stage.listeners.delete(from.session);
        return deliver(
          ...[...stage.listeners].map((l) => ({ to: from.session, event: { kind: 'listen', eventId, from: l } }) as const),
        );
      }
      case 'offer': {
        if (!from.mayHost || stage.host !== from.session) {
          return refuse(ErrorCode.forbidden, "only the event's host on air may send the stage");
        }
        if (!stage.listeners.has(data.to)) return refuse(ErrorCode.notFound, 'no such listener on this stage');
        return deliver({ to: data.to, event: { kind: 'offer', eventId, from: from.session, sdp: data.sdp } });
      }
      case 'answer': {
        if (!stage.listeners.has(from.session)) return refuse(ErrorCode.forbidden, 'take a seat (listen) first');
        if (!stage.host) return refuse(ErrorCode.notFound, 'the host is not on air');
        return deliver({ to: stage.host, event: { kind: 'answer', eventId, from: from.session, sdp: data.sdp } });
      }
      case 'bye': {
        if (!stage.listeners.delete(from.session)) return deliver();
        return stage.host ? deliver(...byes(eventId, from.session, [stage.host])) : deliver();
      }
    }
  };
  const prune = (eventId: string) => {
    const stage = stages.get(eventId);
    if (stage && !stage.host && stage.listeners.size === 0) stages.delete(eventId);
  };

  return {
    maxListeners,
    signal(from, data) {
      const result = apply(from, data);
      prune(data.eventId);
      return result;
    },
    leave(session) {
      const out: StageDelivery[] = [];
      for (const [eventId, stage] of stages) {
        if (stage.listeners.delete(session) && stage.host) out.push(...byes(eventId, session, [stage.host]));
        if (stage.host === session) {
          stage.host = null;
          out.push(...byes(eventId, session, stage.listeners));
        }
        prune(eventId);
      }
      return out;
    },
    listeners: (eventId) => stages.get(eventId)?.listeners.size ?? 0,
  };
}
