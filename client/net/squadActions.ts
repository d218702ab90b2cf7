import { API } from '../../shared/api.ts';
import { ErrorCode } from '../../shared/protocol.ts';
import { SquadResponse } from '../../shared/together.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { ApiRequestError, requestJson } from './http.ts';
import { sendSquadShow } from './squadBinding.ts';

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

/** The squad calls for this page's store (HTTP with the visitor's token, "show" through the room). */
export function squadActions(store: AppStore): SquadActions {
  const call = async (path: string, method: 'GET' | 'POST' | 'DELETE', body?: unknown) => {
    const askedAt = store.getState().squadRoomSeq;
    const { squad } = await requestJson(path, SquadResponse, { method, body, token: store.getState().token });
    store.getState().setSquad(squad, 'http', askedAt);
  };
  return {
    load: () => call(API.squadMe, 'GET'),
    create: () => call(API.squads, 'POST', {}),
    join: (code) => call(API.squadJoin, 'POST', { code: code.replace(/\s+/g, '') }),
    leave: () => call(API.squadMe, 'DELETE'),
    show: (productId, colourwayId) => sendSquadShow(store, { productId, colourwayId }),
  };
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
export async function joinByInvite(store: AppStore, code: string): Promise<void> {
  try {
    await squadActions(store).join(code);
    store.getState().openPanel('squad');
  } catch (err) {
    store.getState().showNotice({ key: joinFailureKey(err), params: { code } });
  }
}
