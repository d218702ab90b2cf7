import { ErrorCode } from '../../shared/protocol.ts';
import type { Heard } from '../cluster/heard.ts';
import { ownerCommands } from '../cluster/roomVenue.ts';
import type { VenueBus } from '../cluster/venueBus.ts';
import { DomainError } from '../domain/errors.ts';
import { announceVenue } from './announce.ts';
import { startVenueOwner, type VenueOwner, type VenueOwnerDeps } from './owner.ts';
import type { VenuePresence } from './venue.ts';

/**
 * Whether this process runs the venue, and the switch: `own` starts the owner's parts (from the
 * database, and what the last owner published), says where everything stands and serves the other
 * processes' commands; `disown` stops them. `required` is what the API and the checkout call: the
 * owner, or a retry-able `unavailable` (the proxy sends them only to the owner; a takeover is brief).
 */
export interface Ownership {
  current(): VenueOwner | undefined;
  required(): VenueOwner;
  own(): Promise<void>;
  disown(): Promise<void>;
}

export function createOwnership(
  deps: Omit<VenueOwnerDeps, 'heard' | 'presence'>,
  shared: { presence: VenuePresence; heard?: Heard; bus?: VenueBus },
): Ownership {
  let owner: VenueOwner | undefined;
  return {
    current: () => owner,
    required() {
      if (owner) return owner;
      throw new DomainError(ErrorCode.unavailable, 'this process does not run the venue now; try again', undefined, 1);
    },
    async own() {
      owner = await startVenueOwner({ ...deps, presence: shared.presence, ...(shared.heard ? { heard: shared.heard } : {}) });
      announceVenue(owner, shared.presence);
      shared.bus?.serve(ownerCommands(owner));
    },
    async disown() {
      const was = owner;
      owner = undefined;
      shared.bus?.serve(undefined);
      await was?.close();
    },
  };
}
