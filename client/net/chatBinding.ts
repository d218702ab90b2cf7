import { type ErrorBody, ErrorCode, MSG } from '../../shared/protocol.ts';
import { CHAT_REJECTION, type ChatChannel, type ModerateSend, type Reaction } from '../../shared/together.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { RoomDoor } from './roomDoor.ts';
import type { StatusSender } from './statusSender.ts';

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
export const CHAT_ERROR_TYPES = [MSG.chat, MSG.reaction, MSG.moderate] as const;

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

/**
 * The app's chat through the room door: messages, reactions and the admin's mute into the chat
 * slice; refusals of chat, reaction and moderation messages claimed from the error path and shown
 * in the chat's reason line (not the page's notice). Typing goes out through the status sender.
 */
export function createChat(door: RoomDoor, store: AppStore, status: StatusSender): ChatActions {
  door.on(MSG.chat, (message) => store.getState().receiveChat(message));
  door.on(MSG.reactions, ({ events }) => {
    const t = performance.now();
    for (const { from, emoji } of events) store.getState().receiveReaction({ from, emoji, t });
  });
  door.on(MSG.moderation, ({ muted }) => {
    store.getState().setChatMuted(muted);
    store.getState().showNotice({ key: muted ? 'chat.youAreMuted' : 'chat.youAreUnmuted' });
  });
  for (const type of CHAT_ERROR_TYPES) {
    door.errors.claim({ type }, (error) => store.getState().setChatError(chatErrorKey(error)));
  }
  return {
    send: (channel, text) => {
      const sent = door.send(MSG.chat, { channel, text });
      if (sent) store.getState().setChatError(null);
      return sent;
    },
    react: (emoji) => door.send(MSG.reaction, { emoji }),
    moderate: (action, target) => door.send(MSG.moderate, { action, target }),
    setTyping: (typing) => {
      if (status.current().typing !== typing) status.set({ typing });
    },
  };
}
