import path from 'node:path';
import { build } from 'rolldown';

/** Bundles pageEntry.ts into one script (IIFE) for `page.addScriptTag({ content })`. */
export async function benchPageScript(): Promise<string> {
  const out = await build({
    input: path.join(import.meta.dirname, 'pageEntry.ts'),
    write: false,
    output: { format: 'iife' },
  });
  const chunk = out.output[0];
  if (chunk?.type !== 'chunk') throw new Error('no bundle');
  return chunk.code;
}
