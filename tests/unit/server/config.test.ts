import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBlocklist } from '../../../server/config.ts';

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
