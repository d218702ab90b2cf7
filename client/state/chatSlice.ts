import { CHAT_CHANNELS, type ChatChannel, type ChatMessage, type Reaction } from '../../shared/together.ts';
import type { SliceCreator } from './createAppStore.ts';

/** Messages kept per channel (a ring: the oldest go first). */
export const CHAT_HISTORY = 100;
/** How long a reaction floats over its sender's avatar (ms). */
export const REACTION_FLOAT_MS = 2500;
/** Reactions kept for the scene at once; more than this in 2.5 s drops the oldest. */
const REACTION_LIMIT = 64;

/** A reaction to draw: who, which emoji, and when it arrived (`performance.now()` ms, this page's clock). */
export interface FloatingReaction {
  id: number;
  from: string;
  emoji: Reaction;
  t: number;
}

export interface ChatSlice {
  /** Recent messages per channel, oldest first (at most `CHAT_HISTORY` each). */
  chatMessages: Readonly<Record<ChatChannel, readonly ChatMessage[]>>;
  chatChannel: ChatChannel;
  /** Whether the chat panel is open (DOM: the side panel; XR: the in-world panel is a `Panel`). */
  chatOpen: boolean;
  /** Messages from others that arrived while the chat was closed (blocked senders do not count). */
  chatUnread: number;
  /** The i18n key of why the last message, reaction or moderation was refused, until the next send. */
  chatError: string | null;
  /** Muted by the venue admin: the input is disabled and says so. */
  chatMuted: boolean;
  /** Session ids this visitor blocked: their chat, reactions and voice are hidden (for this visit). */
  blocked: Readonly<Record<string, true>>;
  /** Recent reactions for the scene (read per frame with `getState()`). */
  reactions: readonly FloatingReaction[];
  receiveChat: (message: ChatMessage) => void;
  receiveReaction: (reaction: Omit<FloatingReaction, 'id'>) => void;
  setChatChannel: (channel: ChatChannel) => void;
  setChatOpen: (open: boolean) => void;
  setChatError: (key: string | null) => void;
  setChatMuted: (muted: boolean) => void;
  block: (sessionId: string) => void;
  unblock: (sessionId: string) => void;
  isBlocked: (sessionId: string) => boolean;
}

const emptyChannels = () =>
  Object.fromEntries(CHAT_CHANNELS.map((c) => [c, [] as ChatMessage[]])) as Record<ChatChannel, ChatMessage[]>;

let reactionSeq = 0;

/** Chat history, the reactions in flight and this visitor's own block list. */
export const createChatSlice: SliceCreator<ChatSlice> = (set, get) => ({
  chatMessages: emptyChannels(),
  chatChannel: 'arena',
  chatOpen: false,
  chatUnread: 0,
  chatError: null,
  chatMuted: false,
  blocked: {},
  reactions: [],
  receiveChat: (message) =>
    set((s) => {
      const list = s.chatMessages[message.channel];
      if (list.some((m) => m.id === message.id)) return s;
      const unseen = !s.chatOpen && message.from !== s.selfId && !s.blocked[message.from];
      return {
        chatMessages: { ...s.chatMessages, [message.channel]: [...list.slice(1 - CHAT_HISTORY), message] },
        chatUnread: unseen ? s.chatUnread + 1 : s.chatUnread,
      };
    }),
  receiveReaction: (reaction) =>
    set((s) => {
      if (s.blocked[reaction.from]) return s;
      const live = s.reactions.filter((r) => reaction.t - r.t < REACTION_FLOAT_MS).slice(1 - REACTION_LIMIT);
      return { reactions: [...live, { ...reaction, id: ++reactionSeq }] };
    }),
  setChatChannel: (chatChannel) => set({ chatChannel, chatError: null }),
  setChatOpen: (chatOpen) => set(chatOpen ? { chatOpen, chatUnread: 0 } : { chatOpen }),
  setChatError: (chatError) => set({ chatError }),
  setChatMuted: (chatMuted) => set({ chatMuted }),
  block: (id) =>
    set((s) => ({
      blocked: { ...s.blocked, [id]: true },
      reactions: s.reactions.filter((r) => r.from !== id),
    })),
  unblock: (id) =>
    set((s) => {
      if (!s.blocked[id]) return s;
      const { [id]: _gone, ...rest } = s.blocked;
      return { blocked: rest };
    }),
  isBlocked: (id) => get().blocked[id] === true,
});

/** The messages of a channel a visitor sees: those from senders they have not blocked. */
export function visibleMessages(s: Pick<ChatSlice, 'chatMessages' | 'blocked'>, channel: ChatChannel): ChatMessage[] {
  return s.chatMessages[channel].filter((m) => !s.blocked[m.from]);
}
