import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collapsedLikeEnglishPreset, createChatFilter, readBlocklist } from '../../../../../server/features/chat/chatFilter.ts';

describe('createChatFilter', () => {
  const filter = createChatFilter();

  it('masks English profanity, also disguised, with *', () => {
    expect(filter.clean('what the fuck')).toBe('what the ****');
    expect(filter.clean('you b1tch')).toBe('you *****');
    expect(filter.clean('FUUUCK off')).toMatch(/^\*+ off$/);
  });

  it('masks Chinese bad words with full-width asterisks', () => {
    expect(filter.clean('你他妈的')).toBe('你＊＊＊');
    expect(filter.clean('傻逼，走开')).toBe('＊＊，走开');
  });

  it('leaves clean text alone, including words that contain a bad one', () => {
    for (const text of ['Scunthorpe assassin classic', '我们一起买这双鞋吧', 'nice shot 👏🔥', '']) {
      expect(filter.clean(text)).toBe(text);
    }
  });

  it('adds blocklist words to both languages', () => {
    const custom = createChatFilter(['knockoff', '山寨']);
    expect(custom.clean('a KnockOff jersey')).toMatch(/^a \*+ jersey$/);
    expect(custom.clean('kn0ck0ff')).toMatch(/^\*+$/);
    expect(custom.clean('这是山寨货')).toBe('这是＊＊货');
    expect(filter.clean('a knockoff jersey')).toBe('a knockoff jersey');
  });
});

describe('collapsedLikeEnglishPreset', () => {
  it('collapses runs as the English preset does: b, e, o, l, s, g may stay doubled', () => {
    expect(collapsedLikeEnglishPreset('KnockOff')).toBe('knockof');
    expect(collapsedLikeEnglishPreset('boooss')).toBe('booss');
    expect(collapsedLikeEnglishPreset('puppy')).toBe('pupy');
  });
});

describe('readBlocklist', () => {
  it('reads one word per line, skipping blanks and # comments', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'blocklist-')), 'words.txt');
    fs.writeFileSync(file, '# venue words\nknockoff\r\n\n  山寨  \n');
    expect(readBlocklist(file)).toEqual(['knockoff', '山寨']);
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('names the file when it cannot be read', () => {
    expect(() => readBlocklist('/no/such/blocklist.txt')).toThrow(/CHAT_BLOCKLIST_FILE \/no\/such\/blocklist.txt/);
  });
});
