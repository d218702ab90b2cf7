import { describe, expect, it } from 'vitest';
import { chatLines, draftState, opensChat } from '../../../../../client/ui/chat/chatLogic.ts';
import { CHAT_MAX_LENGTH } from '../../../../../shared/together.ts';

const msg = (id: string, from: string, text: string) => ({
  id,
  channel: 'arena' as const,
  from,
  name: from,
  color: '#fff',
  text,
  at: 0,
});

describe('chatLines', () => {
  it('marks own lines and collapses a blocked sender’s text', () => {
    const lines = chatLines([msg('1', 'me', 'hi'), msg('2', 'troll', 'rude'), msg('3', 'bob', 'yo')], { troll: true }, 'me');
    expect(lines.map((l) => [l.id, l.self, l.blocked, l.text])).toEqual([
      ['1', true, false, 'hi'],
      ['2', false, true, ''],
      ['3', false, false, 'yo'],
    ]);
  });
});

describe('draftState', () => {
  it('counts trimmed code points and allows 1 to CHAT_MAX_LENGTH', () => {
    expect(draftState('  ')).toEqual({ length: 0, over: false, canSend: false });
    expect(draftState(' 好球 ')).toEqual({ length: 2, over: false, canSend: true });
    expect(draftState('🏀'.repeat(CHAT_MAX_LENGTH)).canSend).toBe(true);
    expect(draftState('🏀'.repeat(CHAT_MAX_LENGTH + 1))).toEqual({ length: CHAT_MAX_LENGTH + 1, over: true, canSend: false });
  });
});

describe('opensChat', () => {
  const key = (code: string, key: string, mods: Partial<KeyboardEvent> = {}) => ({
    code,
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });
  it('opens on T or Enter, not with a modifier or another key', () => {
    expect(opensChat(key('KeyT', 't'))).toBe(true);
    expect(opensChat(key('Enter', 'Enter'))).toBe(true);
    expect(opensChat(key('KeyT', 't', { ctrlKey: true }))).toBe(false);
    expect(opensChat(key('KeyW', 'w'))).toBe(false);
  });
});
