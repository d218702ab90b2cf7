import type { Room } from '@colyseus/sdk';
import type { StateCallbackStrategy } from '@colyseus/schema';
import {
  type ClientMessageName,
  type ClientMessagePayload,
  ErrorBody,
  ErrorCode,
  MSG,
  type ServerMessageName,
  type ServerMessagePayload,
  ServerMessages,
} from '../../shared/protocol.ts';
import type { ArenaState } from '../../shared/state.ts';
import { createErrorDispatcher, type ErrorDispatcher } from './errorDispatcher.ts';

/** A joined room as a feature's binding sees it: the room and its state callbacks. */
export interface JoinedRoom {
  room: Room<unknown, ArenaState>;
  callbacks: StateCallbackStrategy<ArenaState>;
}

/** Server messages a feature may listen to; errors go through `errors` instead, so they have one path. */
export type ListenableMessage = Exclude<ServerMessageName, typeof MSG.error>;

/**
 * The app's one door to the room, for every feature: a typed `send`, typed listeners for server
 * messages (validated by their shared schemas before any listener sees them), the error dispatcher,
 * and bindings that run for each joined room. It outlives rooms: a rejoin keeps every listener.
 */
export interface RoomDoor {
  /**
   * Sends a client message through the joined room; false when none is joined.
   * @example door.send(MSG.chat, { channel: 'arena', text: 'hello' })
   */
  send<K extends ClientMessageName>(type: K, payload: ClientMessagePayload<K>): boolean;
  /** Listens to one server message type for the life of the app; returns a function that stops it. */
  on<K extends ListenableMessage>(type: K, handler: (payload: ServerMessagePayload<K>) => void): () => void;
  /** Room error replies, routed by code or by the message type they answer. */
  readonly errors: ErrorDispatcher;
  /** Runs `bind` for every room joined from now on (and the one joined now); its result undoes it on leaving. */
  whileJoined(bind: (joined: JoinedRoom) => () => void): void;
}

/** The door plus what only the room link may do with it. */
export interface RoomDoorControl extends RoomDoor {
  /** Routes a joined room's messages through the door and runs the bindings; returns the undo. */
  attach(joined: JoinedRoom): () => void;
}

const UNREADABLE: ErrorBody = { code: ErrorCode.internal, message: 'unreadable error message' };

const isServerMessage = (type: string | number): type is ServerMessageName =>
  typeof type === 'string' && Object.hasOwn(ServerMessages, type);

/** Makes an app's room door; errors that no feature claims go to `onUnclaimedError`. */
export function createRoomDoor(onUnclaimedError: (error: ErrorBody) => void): RoomDoorControl {
  const errors = createErrorDispatcher(onUnclaimedError);
  const listeners = new Map<ServerMessageName, Set<(payload: unknown) => void>>();
  const bindings: Array<(joined: JoinedRoom) => () => void> = [];
  let joined: JoinedRoom | null = null;
  let undoBindings: Array<() => void> = [];

  const receive = (type: string | number, payload: unknown) => {
    if (!isServerMessage(type)) return;
    if (type === MSG.error) {
      const body = ErrorBody.safeParse(payload);
      errors.dispatch(body.success ? body.data : UNREADABLE);
      return;
    }
    const parsed = ServerMessages[type].safeParse(payload);
    if (!parsed.success) return;
    for (const listener of listeners.get(type) ?? []) listener(parsed.data);
  };

  return {
    errors,
    send(type, payload) {
      if (!joined) return false;
      joined.room.send(type, payload);
      return true;
    },
    on(type, handler) {
      let set = listeners.get(type);
      if (!set) {
        set = new Set();
        listeners.set(type, set);
      }
      // NOTE: `receive` hands each listener only data its type's schema parsed, so the widening is safe.
      const listener = handler as (payload: unknown) => void;
      set.add(listener);
      return () => void set.delete(listener);
    },
    whileJoined(bind) {
      bindings.push(bind);
      if (joined) undoBindings.push(bind(joined));
    },
    attach(next) {
      joined = next;
      // NOTE: '*' gets every message type, so the SDK never warns of one without a handler.
      const offMessages = next.room.onMessage('*', receive);
      undoBindings = bindings.map((bind) => bind(next));
      return () => {
        offMessages();
        for (const undo of undoBindings) undo();
        undoBindings = [];
        if (joined === next) joined = null;
      };
    },
  };
}
