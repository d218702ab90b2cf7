import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

/** Every file the script loads from the repo, following relative imports, with its import specifiers. */
function importGraph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const specifiers = [...readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]!);
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(path.resolve(path.dirname(file), s));
  };
  visit(path.join(root, entry));
  return seen;
}

describe('scripts/verify-raffle.ts', () => {
  it('depends on shared/ code, node: built-ins and zod only, never on the server', () => {
    const graph = importGraph('scripts/verify-raffle.ts');
    const files = [...graph.keys()].map((f) => path.relative(root, f));
    expect(files).toContain('shared/raffleVerify.ts');
    expect(files.filter((f) => f !== 'scripts/verify-raffle.ts' && !f.startsWith('shared/'))).toEqual([]);
    const packages = [...graph.values()].flat().filter((s) => !s.startsWith('.') && !s.startsWith('node:'));
    expect([...new Set(packages)]).toEqual(['zod']);
  });
});
