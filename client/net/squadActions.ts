import { API } from '../../shared/api.ts';
import { ErrorCode, MSG } from '../../shared/protocol.ts';
import { SquadResponse } from '../../shared/together.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { ApiRequestError, requestJson } from './http.ts';
import type { RoomDoor } from './roomDoor.ts';
import { bindSquadRoom } from './squadBinding.ts';

/** What the UI can do with squads; every answer lands in the squad slice. Failures throw `ApiRequestError`. */
export interface SquadActions {
  /** Reads the visitor's squad (after entering; the room then keeps it live). */
  load(): Promise<void>;
  create(): Promise<void>;
  /** Joins by short code (any case, spaces ignored); leaves the visitor's old squad. */
  join(code: string): Promise<void>;
  leave(): Promise<void>;
  /** Shows a product to the squad mates; false when no room is joined. */
  show(productId: string, colourwayId: string): boolean;
}

/** The i18n key that says why joining a squad failed. */
export function joinFailureKey(err: unknown): string {
  const code = err instanceof ApiRequestError ? err.code : 'internal';
  if (code === ErrorCode.notFound) return 'squad.codeUnknown';
  if (code === ErrorCode.forbidden) return 'squad.full';
  if (code === ErrorCode.badRequest) return 'squad.codeInvalid';
  return 'squad.joinFailed';
}

/** Joins the squad of an invite link right after entering, then opens the squad panel (or says why not). */
async function joinByInvite(squads: SquadActions, store: AppStore, code: string): Promise<void> {
  try {
    await squads.join(code);
    store.getState().openPanel('squad');
  } catch (err) {
    store.getState().showNotice({ key: joinFailureKey(err), params: { code } });
  }
}

/**
 * The app's squads: HTTP calls with the visitor's token, "show" through the room door, and the
 * room's squad messages and looks bound (see `bindSquadRoom`); an invite link is followed once.
 */
export function createSquads(door: RoomDoor, store: AppStore): SquadActions {
  const call = async (path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) => {
    // NOTE: an answer that left before a newer room snapshot arrived must not undo it (see setSquad).
    const askedAt = store.getState().squadRoomSeq;
    const { squad } = await requestJson(path, SquadResponse, { method, body, token: store.getState().token });
    store.getState().setSquad(squad, 'http', askedAt);
  };
  const squads: SquadActions = {
    load: () => call(API.squadMe, 'GET'),
    create: () => call(API.squads, 'POST', {}),
    join: (code) => call(API.squadJoin, 'POST', { code: code.replace(/\s+/g, '') }),
    leave: () => call(API.squadMe, 'DELETE'),
    show: (productId, colourwayId) => door.send(MSG.squadShow, { productId, colourwayId }),
  };
  bindSquadRoom(door, store, (code) => void joinByInvite(squads, store, code));
  return squads;
}
