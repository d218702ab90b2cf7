import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAME } from '../../../client/frame.ts';

const root = new URL('../../../client/', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('the frame', () => {
  it('runs its stages in the written order, all at negative priorities (so R3F keeps rendering itself)', () => {
    const order = ['input', 'locomotion', 'rig', 'avatarPoses', 'avatarParts', 'effects'];
    expect(Object.keys(FRAME)).toEqual(order);
    const priorities = order.map((s) => FRAME[s as keyof typeof FRAME]);
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(new Set(priorities).size).toBe(order.length);
    // NOTE: @react-three/xr moves its pointers at -50; every stage must come after them.
    for (const p of priorities) expect(p > -50 && p < 0).toBe(true);
  });

  it('has every per-frame callback in the app placed in a stage', () => {
    const unplaced: string[] = [];
    let callbacks = 0;
    for (const file of sources('.')) {
      const text = readFileSync(join(root, file), 'utf8');
      for (const m of text.matchAll(/\buseFrame\(/g)) {
        const line = text.slice(text.lastIndexOf('\n', m.index) + 1, m.index);
        if (/^\s*(\*|\/\/)/.test(line)) continue; // a comment naming it
        let depth = 1;
        let i = m.index + m[0].length;
        while (depth > 0 && i < text.length) {
          const c = text[i++];
          if (c === '(') depth++;
          else if (c === ')') depth--;
        }
        const call = text.slice(m.index, i);
        callbacks++;
        if (!/,\s*FRAME\.\w+\s*\)$/.test(call)) unplaced.push(`${file}: ${call.slice(0, 60)}`);
      }
    }
    expect(callbacks).toBeGreaterThanOrEqual(18);
    expect(unplaced).toEqual([]);
  });
});
