import { describe, expect, it } from 'vitest';
import { type ImportEdge, importCircles, importGraph } from '../../../../scripts/checks/importGraph.ts';

const graph = importGraph(new URL('../../../../', import.meta.url).pathname, ['client', 'server', 'shared']);

const DEBUG = 'client/debug/';
/** The dev flag and the inspect port: the only debug files product code may import. */
const BOTTOM_FLOOR = new Set(['client/debug/flag.ts', 'client/debug/inspect.ts']);
const isSlice = (file: string) => /^client\/state\/(\w+Slice|createAppStore|persistedPreferences)\.ts$/.test(file);
/**
 * The zustand slices (and the store's `persist` options) name each other's state in types only; erased
 * at build, they are no runtime circle.
 */
const sliceTypeImport = (e: ImportEdge) => e.typeOnly && isSlice(e.from) && isSlice(e.to);

describe('the house: imports between product files', () => {
  it('reads the real import graph', () => {
    expect(graph.length).toBeGreaterThan(500);
    expect(graph).toContainEqual({ from: 'client/main.tsx', to: 'client/App.tsx', typeOnly: false, dynamic: false });
  });

  it('has no import circle, but for the zustand slices naming each other in types', () => {
    expect(importCircles(graph.filter((e) => !sliceTypeImport(e)))).toEqual([]);
  });

  it('would see a circle of two files, and one through a type import', () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly, dynamic: false });
    expect(importCircles([edge('a', 'b'), edge('b', 'c'), edge('c', 'a'), edge('c', 'd')])).toEqual([['a', 'b', 'c']]);
    expect(importCircles([edge('a', 'b'), edge('b', 'a', true)])).toEqual([['a', 'b']]);
  });

  it('keeps test-only code out of product files: only the flag and the inspect port, and main.tsx loading the hook on demand', () => {
    const crossings = graph.filter(
      (e) => e.from.startsWith('client/') && !e.from.startsWith(DEBUG) && e.to.startsWith(DEBUG) && !BOTTOM_FLOOR.has(e.to),
    );
    expect(crossings).toEqual([{ from: 'client/main.tsx', to: 'client/debug/hook.ts', typeOnly: false, dynamic: true }]);
  });

  it('keeps the bottom floor bare: the flag and the port import nothing from the app', () => {
    expect(graph.filter((e) => BOTTOM_FLOOR.has(e.from))).toEqual([]);
  });
});
