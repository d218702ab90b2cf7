import { describe, expect, it } from 'vitest';
import { acceptChat, chatRecipients, type ChatPeer } from '../../../../../server/features/chat/chat.ts';
import { CHAT_MAX_LENGTH, NEARBY_RADIUS_M, PLAYER_FLAG } from '../../../../../shared/together.ts';

const upper = { clean: (text: string) => text.toUpperCase() };
const deps = { filter: upper, now: 1234, id: 'm1' };
const ann: ChatPeer = { name: 'Ann', color: '#ff0000', x: 0, z: 0 };

describe('acceptChat', () => {
  it('trims, filters and stamps an accepted message with the sender and server time', () => {
    expect(acceptChat({ channel: 'arena', text: '  hi there \n' }, 's1', ann, deps)).toEqual({
      ok: true,
      message: { id: 'm1', channel: 'arena', from: 's1', name: 'Ann', color: '#ff0000', text: 'HI THERE', at: 1234 },
    });
  });

  it('refuses empty, too long, muted and squad-less messages with their reason', () => {
    const reason = (text: string, sender = ann, channel: 'arena' | 'squad' = 'arena') => {
      const d = acceptChat({ channel, text }, 's1', sender, deps);
      return d.ok ? null : d.error;
    };
    expect(reason(' \t ')).toEqual({ code: 'chat_rejected', message: 'empty', type: 'chat' });
    expect(reason('a'.repeat(CHAT_MAX_LENGTH + 1))?.message).toBe('too long');
    expect(reason('a'.repeat(CHAT_MAX_LENGTH))).toBeNull();
    // Code points, not UTF-16 units: 200 emoji fit, 201 do not.
    expect(reason('👏'.repeat(CHAT_MAX_LENGTH))).toBeNull();
    expect(reason('👏'.repeat(CHAT_MAX_LENGTH + 1))?.message).toBe('too long');
    expect(reason('hi', { ...ann, flags: PLAYER_FLAG.muted | PLAYER_FLAG.typing })?.message).toBe('muted');
    expect(reason('hi', ann, 'squad')?.message).toBe('not in a squad');
    expect(reason('hi', { ...ann, squad: 'sq1' }, 'squad')).toBeNull();
  });
});

describe('chatRecipients', () => {
  const edge = NEARBY_RADIUS_M * 100;
  const players: [string, ChatPeer][] = [
    ['a', { ...ann, squad: 'sq1' }],
    ['b', { ...ann, x: edge, z: 0 }],
    ['c', { ...ann, x: edge, z: 1, squad: 'sq1' }],
    ['d', { ...ann, x: -100, z: 100, squad: 'sq2' }],
  ];
  const sender = players[0]![1];

  it('reaches everyone on arena', () => {
    expect(chatRecipients(players, { channel: 'arena', from: 'a' }, { sender })).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reaches the sender and those within the radius (inclusive) on nearby', () => {
    expect(chatRecipients(players, { channel: 'nearby', from: 'a' }, { sender })).toEqual(['a', 'b', 'd']);
  });

  it('reaches the squad on squad, in a shard where the sender is not', () => {
    expect(chatRecipients(players, { channel: 'squad', from: 'a' }, { sender, squad: 'sq1' })).toEqual(['a', 'c']);
    expect(chatRecipients(players, { channel: 'squad', from: 'x' }, { squad: 'sq2' })).toEqual(['d']);
    expect(chatRecipients(players, { channel: 'squad', from: 'x' }, {})).toEqual([]);
  });
});
