import { describe, expect, it } from 'vitest';
import { CHAT_HISTORY, REACTION_FLOAT_MS } from '../../../../client/state/chatSlice.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import type { ChatMessage } from '../../../../shared/together.ts';

const message = (i: number, from = 'bob', channel: ChatMessage['channel'] = 'arena'): ChatMessage => ({
  id: `m${i}`,
  channel,
  from,
  name: from,
  color: '#00ff00',
  text: `hello ${i}`,
  at: i,
});

describe('chat slice', () => {
  it('keeps the last CHAT_HISTORY messages per channel, each once', () => {
    const store = createAppStore();
    for (let i = 0; i < CHAT_HISTORY + 5; i++) store.getState().receiveChat(message(i));
    store.getState().receiveChat(message(CHAT_HISTORY + 4));
    store.getState().receiveChat(message(1, 'bob', 'nearby'));
    const { arena, nearby, squad } = store.getState().chatMessages;
    expect(arena).toHaveLength(CHAT_HISTORY);
    expect(arena[0]?.id).toBe('m5');
    expect(arena.at(-1)?.id).toBe(`m${CHAT_HISTORY + 4}`);
    expect(nearby.map((m) => m.id)).toEqual(['m1']);
    expect(squad).toEqual([]);
  });

  it('counts unread messages from others while closed, not own or blocked ones, and clears on open', () => {
    const store = createAppStore();
    store.getState().setSelfId('me');
    store.getState().block('troll');
    store.getState().receiveChat(message(1, 'bob'));
    store.getState().receiveChat(message(2, 'me'));
    store.getState().receiveChat(message(3, 'troll'));
    expect(store.getState().chatUnread).toBe(1);
    store.getState().setChatOpen(true);
    expect(store.getState().chatUnread).toBe(0);
    store.getState().receiveChat(message(4, 'bob'));
    expect(store.getState().chatUnread).toBe(0);
  });

  it('blocks and unblocks a sender: isBlocked, and their reactions are dropped', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().receiveReaction({ from: 'troll', emoji: '🔥', t: 0 });
    s().block('troll');
    expect(s().isBlocked('troll')).toBe(true);
    expect(s().reactions).toEqual([]);
    s().receiveReaction({ from: 'troll', emoji: '🔥', t: 1 });
    expect(s().reactions).toEqual([]);
    s().unblock('troll');
    expect(s().isBlocked('troll')).toBe(false);
    s().receiveReaction({ from: 'troll', emoji: '👏', t: 2 });
    expect(s().reactions.map((r) => r.emoji)).toEqual(['👏']);
  });

  it('forgets reactions older than the float time when new ones arrive', () => {
    const store = createAppStore();
    store.getState().receiveReaction({ from: 'a', emoji: '🔥', t: 0 });
    store.getState().receiveReaction({ from: 'b', emoji: '👏', t: REACTION_FLOAT_MS - 1 });
    store.getState().receiveReaction({ from: 'c', emoji: '😂', t: REACTION_FLOAT_MS });
    expect(store.getState().reactions.map((r) => r.from)).toEqual(['b', 'c']);
    const ids = store.getState().reactions.map((r) => r.id);
    expect(new Set(ids).size).toBe(2);
  });

  it('clears the error when the channel changes', () => {
    const store = createAppStore();
    store.getState().setChatError('chat.reason.empty');
    store.getState().setChatChannel('nearby');
    expect(store.getState()).toMatchObject({ chatChannel: 'nearby', chatError: null });
  });
});
