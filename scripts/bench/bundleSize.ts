import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

/** Size of what the browser must download before the app starts: the entry script and its modulepreloads. */
export interface BundleReport {
  files: { file: string; bytes: number; gzip: number }[];
  totalBytes: number;
  totalGzip: number;
}

/** Reads dist/index.html and sums the gzip size of the entry module and every modulepreload it lists. */
export function measureInitialJs(distDir = 'dist'): BundleReport {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) srcs.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]!);
  const files = [...srcs].map((src) => {
    const body = readFileSync(join(distDir, src.replace(/^\//, '')));
    return { file: src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
  });
  return {
    files,
    totalBytes: files.reduce((a, f) => a + f.bytes, 0),
    totalGzip: files.reduce((a, f) => a + f.gzip, 0),
  };
}
