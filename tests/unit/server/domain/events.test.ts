import { describe, expect, it } from 'vitest';
import { createEmitter } from '../../../../server/domain/events.ts';

interface Events {
  ping: { n: number };
  other: string;
}

describe('createEmitter', () => {
  it('calls the listeners of one event in order, and stops calling a removed one', () => {
    const events = createEmitter<Events>();
    const heard: string[] = [];
    const off = events.on('ping', ({ n }) => {
      heard.push(`a${n}`);
    });
    events.on('ping', ({ n }) => {
      heard.push(`b${n}`);
    });
    events.on('other', (s) => {
      heard.push(s);
    });
    events.emit('ping', { n: 1 });
    off();
    events.emit('ping', { n: 2 });
    expect(heard).toEqual(['a1', 'b1', 'b2']);
  });

  it('reports a throwing or rejecting listener and still calls the rest', async () => {
    const failures: [keyof Events, string][] = [];
    const events = createEmitter<Events>((name, err) => failures.push([name, (err as Error).message]));
    let after = 0;
    events.on('ping', () => {
      throw new Error('sync');
    });
    events.on('ping', () => Promise.reject(new Error('async')));
    events.on('ping', () => {
      after++;
    });
    expect(() => events.emit('ping', { n: 1 })).not.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(after).toBe(1);
    expect(failures).toEqual([
      ['ping', 'sync'],
      ['ping', 'async'],
    ]);
  });
});
