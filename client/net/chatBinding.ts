import type { Room } from '@colyseus/sdk';
import { ErrorBody, ErrorCode, MSG } from '../../shared/protocol.ts';
import type { ArenaState } from '../../shared/state.ts';
import {
  CHAT_REJECTION,
  ChatMessage,
  ModerationEvent,
  ReactionEvent,
  type ChatChannel,
  type ModerateSend,
  type Reaction,
} from '../../shared/together.ts';
import type { AppStore } from '../state/createAppStore.ts';
import { statusSender } from './statusSender.ts';

/** What the chat UI can send; each is false when no room is joined. */
export interface ChatActions {
  send(channel: ChatChannel, text: string): boolean;
  react(emoji: Reaction): boolean;
  /** Venue admin only (the server refuses anyone else). */
  moderate(action: ModerateSend['action'], target: string): boolean;
  /** Whether the visitor is typing in chat (shown to others as a bubble over their avatar). */
  setTyping(typing: boolean): void;
}

/** Message types whose error replies the chat shows itself (instead of the page's notice). */
export const CHAT_ERROR_TYPES: ReadonlySet<string> = new Set([MSG.chat, MSG.reaction, MSG.moderate]);

const REASON_KEYS: Record<string, string> = {
  [CHAT_REJECTION.empty]: 'chat.reason.empty',
  [CHAT_REJECTION.tooLong]: 'chat.reason.tooLong',
  [CHAT_REJECTION.muted]: 'chat.reason.muted',
  [CHAT_REJECTION.noSquad]: 'chat.reason.noSquad',
};

/** The i18n key that says why the server refused a chat, reaction or moderation message. */
export function chatErrorKey(error: ErrorBody): string {
  if (error.code === ErrorCode.chatRejected) return REASON_KEYS[error.message] ?? 'errors.chat_rejected';
  if (error.code === ErrorCode.rateLimited) return 'chat.reason.rateLimited';
  return `errors.${error.code}`;
}

interface Hub {
  room: Room<unknown, ArenaState> | null;
  actions: ChatActions;
}

// NOTE: one hub per app store, like voiceBinding's: the UI finds the bound room without a new service.
const hubs = new WeakMap<AppStore, Hub>();

function hubFor(store: AppStore): Hub {
  let hub = hubs.get(store);
  if (!hub) {
    const h: Hub = {
      room: null,
      actions: {
        send: (channel, text) => {
          if (!h.room) return false;
          store.getState().setChatError(null);
          h.room.send(MSG.chat, { channel, text });
          return true;
        },
        react: (emoji) => {
          if (!h.room) return false;
          h.room.send(MSG.reaction, { emoji });
          return true;
        },
        moderate: (action, target) => {
          if (!h.room) return false;
          h.room.send(MSG.moderate, { action, target });
          return true;
        },
        setTyping: (typing) => {
          if (statusSender(store).current().typing !== typing) statusSender(store).set({ typing });
        },
      },
    };
    hub = h;
    hubs.set(store, hub);
  }
  return hub;
}

/** The chat actions of this page's store. */
export function chatActions(store: AppStore): ChatActions {
  return hubFor(store).actions;
}

/**
 * Wires chat to a joined room (called from `bindRoom`): messages, reactions and the admin's
 * mute into the chat slice, chat error replies into its reason line. Returns the undo.
 */
export function bindChat(room: Room<unknown, ArenaState>, store: AppStore): () => void {
  const hub = hubFor(store);
  hub.room = room;
  const offs = [
    room.onMessage(MSG.chat, (payload: unknown) => {
      const message = ChatMessage.safeParse(payload);
      if (message.success) store.getState().receiveChat(message.data);
    }),
    room.onMessage(MSG.reaction, (payload: unknown) => {
      const event = ReactionEvent.safeParse(payload);
      if (event.success)
        store.getState().receiveReaction({ from: event.data.from, emoji: event.data.emoji, t: performance.now() });
    }),
    room.onMessage(MSG.moderation, (payload: unknown) => {
      const event = ModerationEvent.safeParse(payload);
      if (!event.success) return;
      store.getState().setChatMuted(event.data.muted);
      store.getState().showNotice({ key: event.data.muted ? 'chat.youAreMuted' : 'chat.youAreUnmuted' });
    }),
    room.onMessage(MSG.error, (payload: unknown) => {
      const body = ErrorBody.safeParse(payload);
      if (body.success && body.data.type && CHAT_ERROR_TYPES.has(body.data.type)) {
        store.getState().setChatError(chatErrorKey(body.data));
      }
    }),
  ];
  return () => {
    if (hub.room === room) hub.room = null;
    for (const off of offs) off();
  };
}
