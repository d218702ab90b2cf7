import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseSync } from 'vite';

/** One import of a repository file by another (bare package imports are left out). */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type` (or every named binding marked `type`): erased at build, no runtime dependency. */
  typeOnly: boolean;
  /** `import('...')`: loaded on demand, in its own chunk. */
  dynamic: boolean;
}

const SOURCE = /\.(ts|tsx)$/;

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(root, path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/**
 * Every relative import between the `.ts`/`.tsx` files under `dirs` (paths relative to `root`, with
 * forward slashes), parsed with Vite's own parser (oxc), so `import type` and dynamic imports are told apart.
 */
export function importGraph(root: string, dirs: readonly string[]): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of dirs.flatMap((d) => sourceFiles(root, d))) {
    const text = readFileSync(join(root, file), 'utf8');
    const { module } = parseSync(file, text);
    const from = file.split('\\').join('/');
    const add = (request: string, typeOnly: boolean, dynamic: boolean) => {
      if (!request.startsWith('.')) return;
      const to = relative(root, resolve(root, dirname(file), request))
        .split('\\')
        .join('/');
      edges.push({ from, to, typeOnly, dynamic });
    };
    for (const i of module.staticImports) {
      add(i.moduleRequest.value, i.entries.length > 0 && i.entries.every((e) => e.isType), false);
    }
    for (const e of module.staticExports) {
      for (const entry of e.entries) if (entry.moduleRequest) add(entry.moduleRequest.value, entry.isType, false);
    }
    for (const d of module.dynamicImports) {
      const literal = text.slice(d.moduleRequest.start, d.moduleRequest.end);
      const quoted = /^(['"`])(.*)\1$/.exec(literal);
      if (quoted?.[2] !== undefined) add(quoted[2], false, true);
    }
  }
  return edges;
}

/**
 * The import circles among `edges`: each strongly connected group of two or more files (or a file
 * importing itself), as sorted file lists. Tarjan's algorithm, iterative.
 */
export function importCircles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    if (!next.has(e.to)) next.set(e.to, []);
    next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const circles: string[][] = [];
  let counter = 0;
  for (const start of next.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; i: number }[] = [{ node: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const top = work[work.length - 1]!;
      const targets = next.get(top.node) ?? [];
      if (top.i < targets.length) {
        const to = targets[top.i++]!;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.node, Math.min(low.get(top.node)!, index.get(to)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(top.node)!));
      if (low.get(top.node) !== index.get(top.node)) continue;
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== top.node);
      const selfLoop = targets.includes(top.node);
      if (group.length > 1 || selfLoop) circles.push(group.sort());
    }
  }
  return circles;
}
