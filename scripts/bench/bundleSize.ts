import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** A set of built scripts with their raw and gzip (level 9) sizes in bytes. */
export interface BundleReport {
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
}

type BundleFile = BundleReport['files'][number];

function measureFile(distDir: string, src: string): BundleFile {
  const body = readFileSync(join(distDir, src.replace(/^\//, '')));
  return { file: src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
}

function report(files: BundleFile[]): BundleReport {
  return { files, totalBytes: files.reduce((a, f) => a + f.bytes, 0), totalGzip: files.reduce((a, f) => a + f.gzip, 0) };
}

/** Reads dist/index.html and sums the gzip size of the entry module and every modulepreload it lists. */
export function measureInitialJs(distDir = 'dist'): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]!);
  return report([...srcs].map((src) => measureFile(distDir, src)));
}

/** Every other script in dist/assets: the chunks loaded later by dynamic import (three.js, the scene, the room SDK). */
export function measureLazyJs(distDir = 'dist'): BundleReport {
  const initial = new Set(measureInitialJs(distDir).files.map((f) => f.file));
  const lazy = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `/assets/${name}`)
    .filter((src) => !initial.has(src));
  return report(lazy.map((src) => measureFile(distDir, src)).sort((a, b) => b.gzip - a.gzip));
}
