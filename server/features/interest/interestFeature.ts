import { StateView } from '@colyseus/schema';
import { INTEREST } from '../../../shared/interest.ts';
import type { Player } from '../../../shared/state.ts';
import type { ArenaClient, RoomFeature } from '../../room/feature.ts';
import { createFarField } from './farField.ts';
import { fullRateSet } from './interestRule.ts';
import { createTalkBook } from './talkBook.ts';

const NONE: ReadonlySet<string> = new Set();

/**
 * Interest management in one shard. Every visitor has a Colyseus `StateView`; the players it holds
 * are their full-rate set (interestRule.ts), whose fine pose and hands (`.view()` fields of `Player`)
 * they receive every patch. Every `INTEREST.intervalMs` the sets are recomputed and the far field
 * (farField.ts) copies fine poses into the far pose everyone gets. Talk partners come from the
 * shard's `talked` events (voice signals, nearby chat).
 * NOTE: all of this is per shard on purpose: a view can only hold players of its own room, so with
 * several processes each shard manages its own visitors and nothing crosses presence.
 */
export const interestFeature: RoomFeature = ({ state, clients, deps, events }) => {
  const talk = createTalkBook(INTEREST.talkMemoryMs);
  const far = createFarField();
  const sets = new Map<string, Set<string>>();
  const now = () => (deps.now ?? Date.now)();
  let timer: ReturnType<typeof setInterval> | undefined;
  let offTalked: (() => void) | undefined;

  const apply = (client: ArenaClient, next: Set<string>) => {
    const view = client.view;
    if (!view) return;
    const previous = sets.get(client.sessionId) ?? NONE;
    for (const id of previous) {
      const player = state.players.get(id);
      if (!next.has(id) && player) view.remove(player);
    }
    for (const id of next) {
      const player = state.players.get(id);
      if (!previous.has(id) && player) view.add(player);
    }
    sets.set(client.sessionId, next);
  };

  const pass = () => {
    const t = now();
    const players = [...state.players.entries()];
    for (const client of clients) {
      const viewer = state.players.get(client.sessionId);
      if (!viewer) continue;
      const id = client.sessionId;
      const input = { viewerId: id, viewer, players, previous: sets.get(id) ?? NONE, talkingWith: talk.partnersOf(id, t) };
      apply(client, fullRateSet(input));
    }
    // NOTE: the far field paces bandwidth, not a rule, so it runs on the wall clock even when tests move `deps.now`.
    far.tick(players, Date.now());
  };

  /** A newcomer joins the sets of those it is near (if they have room) at once, not a pass later. */
  const greet = (newcomerId: string, newcomer: Player) => {
    for (const client of clients) {
      const set = sets.get(client.sessionId);
      const viewer = state.players.get(client.sessionId);
      if (!set || !viewer || client.sessionId === newcomerId || set.size >= INTEREST.maxFullRate) continue;
      const one = fullRateSet({
        viewerId: client.sessionId,
        viewer,
        players: [[newcomerId, newcomer]],
        previous: NONE,
        talkingWith: NONE,
      });
      if (one.size > 0) apply(client, new Set([...set, newcomerId]));
    }
  };

  return {
    onCreate() {
      timer = setInterval(pass, INTEREST.intervalMs);
      offTalked = events.on('talked', ({ from, to }) => talk.record(from, to, now()));
    },
    onDispose() {
      clearInterval(timer);
      offTalked?.();
    },
    onJoin(client, player) {
      client.view = new StateView();
      // NOTE: a visitor gets their own fine pose too (never in the set, so never removed): the page
      // ignores it, but benches time their pose's round trip by it.
      client.view.add(player);
      const id = client.sessionId;
      const players = [...state.players.entries()];
      apply(client, fullRateSet({ viewerId: id, viewer: player, players, previous: NONE, talkingWith: NONE }));
      greet(id, player);
    },
    onLeave(client) {
      const id = client.sessionId;
      sets.delete(id);
      for (const set of sets.values()) set.delete(id);
      talk.forget(id);
      far.forget(id);
      client.view?.dispose();
    },
  };
};
