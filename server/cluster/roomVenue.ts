import type { Qna } from '../domain/qna/qna.ts';
import { DomainError } from '../domain/errors.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import type { ArenaDeps } from '../room/deps.ts';
import type { VenueOwner } from '../venue/owner.ts';
import type { Heard } from './heard.ts';
import type { CommandHandlers, VenueBus } from './venueBus.ts';

/** What a shard needs of the venue (ArenaDeps): its snapshots, the host's commands, the Q&A. */
export type RoomVenue = Pick<ArenaDeps, 'venue' | 'eventExtras' | 'qna'>;

/** The venue's last state is not known here yet (a process that just started, before the owner's first publish). */
function notYet(what: string): never {
  throw new DomainError(ErrorCode.unavailable, `the venue's ${what} is not known in this process yet; try again`, undefined, 1);
}

/**
 * The venue as a shard of this process sees it: the owner's own objects while this process owns the
 * venue; otherwise the last snapshots heard on the channels, and commands sent to the owner over the
 * bus. Shards never hold on to either: each call asks which applies now, so a takeover needs no
 * change in the rooms.
 */
export function roomVenue(owner: () => VenueOwner | undefined, heard: Heard | undefined, bus: VenueBus | undefined): RoomVenue {
  const remote = <T>(name: string, ...args: unknown[]): Promise<T> =>
    bus ? bus.call<T>(name, ...args) : Promise.reject(new DomainError(ErrorCode.unavailable, 'the venue is not running'));
  const qna: Qna = {
    ask: (...a) => owner()?.qna.ask(...a) ?? remote('qna.ask', ...a),
    vote: (...a) => owner()?.qna.vote(...a) ?? remote('qna.vote', ...a),
    pollVote: (...a) => owner()?.qna.pollVote(...a) ?? remote('qna.pollVote', ...a),
    host: (...a) => owner()?.qna.host(...a) ?? remote('qna.host', ...a),
    snapshot: (...a) => owner()?.qna.snapshot(...a) ?? remote('qna.snapshot', ...a),
    mine: (...a) => owner()?.qna.mine(...a) ?? remote('qna.mine', ...a),
    close() {},
  };
  return {
    venue: {
      match: {
        snapshot: () => owner()?.venue.match.snapshot() ?? heard?.match() ?? notYet('match clock'),
        control: (command) => owner()?.venue.match.control(command) ?? remote('match.control', command),
      },
      groupBuys: { snapshot: () => owner()?.venue.groupBuys.snapshot() ?? heard?.groupBuys() ?? notYet('group buys') },
      events: {
        snapshot: () => owner()?.venue.events.snapshot() ?? heard?.event() ?? notYet('launch event'),
        movePhase: (id, phase) => owner()?.venue.events.movePhase(id, phase) ?? remote('events.movePhase', id, phase),
      },
      prices: { snapshot: () => owner()?.venue.prices.snapshot() ?? heard?.prices() ?? notYet('price board') },
    },
    eventExtras: { snapshot: () => owner()?.eventExtras.snapshot() ?? heard?.eventExtras() ?? notYet('drops and raffles') },
    qna,
  };
}

/** The commands the owner runs for shards of other processes (the `remote` names above). */
export function ownerCommands(owner: VenueOwner): CommandHandlers {
  return {
    'match.control': (command: Parameters<VenueOwner['venue']['match']['control']>[0]) => owner.venue.match.control(command),
    'events.movePhase': (id: string, phase: Parameters<VenueOwner['venue']['events']['movePhase']>[1]) =>
      owner.venue.events.movePhase(id, phase),
    'drops.bought': (...a: Parameters<VenueOwner['drops']['bought']>) => owner.drops.bought(...a),
    'drops.orderSettled': (...a: Parameters<VenueOwner['drops']['orderSettled']>) => owner.drops.orderSettled(...a),
    'qna.ask': (...a: Parameters<Qna['ask']>) => owner.qna.ask(...a),
    'qna.vote': (...a: Parameters<Qna['vote']>) => owner.qna.vote(...a),
    'qna.pollVote': (...a: Parameters<Qna['pollVote']>) => owner.qna.pollVote(...a),
    'qna.host': (...a: Parameters<Qna['host']>) => owner.qna.host(...a),
    'qna.snapshot': (...a: Parameters<Qna['snapshot']>) => owner.qna.snapshot(...a),
    'qna.mine': (...a: Parameters<Qna['mine']>) => owner.qna.mine(...a),
  };
}
