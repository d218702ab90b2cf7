/**
 * Builds the demo match media: `npm run media`.
 *
 * Reads server/venue/match/demo/match.json and timeline.json, draws the scripted match (ballScript.ts,
 * players.ts) with three.js in Debian's headless Chromium from every source's camera as 360°
 * equirect frames (stereo pairs for a stereo source), and encodes them with ffmpeg together with a
 * synthesized crowd track (audio.ts), into public/media/demo/. Also writes the WebVTT commentary.
 * The outputs are committed; tests/assets/media.test.ts checks them without ffmpeg.
 *
 *   node scripts/media/build.ts [--seconds 4]   (--seconds: a short trial render)
 */
import { type ChildProcessByStdio, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { Catalog } from '../../shared/catalog.ts';
import { MatchConfigFile, MatchTimeline } from '../../shared/match.ts';
import { synthesizeMatchAudio, wavBytes } from './audio.ts';
import { floorHits } from './ball.ts';
import { buildBallScript } from './ballScript.ts';
import { commentaryVtt } from './captions.ts';
import { DRAW_FPS, ffmpegArgs, sourceSize } from './encode.ts';
import { openRenderPage } from './renderPage.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const demoDir = `${root}server/venue/match/demo/`;
const publicDir = `${root}public`;
/** x264 quality per layout, tuned so all the media stays under 8 MB. */
const CRF = { mono: 36, stereo: 37 } as const;
/** Cube face size of the renderer: about a quarter of the drawn equirect width. */
const FACE_SIZE = 320;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string' } } });
  requireFfmpeg();
  const started = performance.now();
  const config = MatchConfigFile.parse(JSON.parse(await readFile(`${demoDir}match.json`, 'utf8')));
  const full = MatchTimeline.parse(JSON.parse(await readFile(path.join(demoDir, config.timeline), 'utf8')));
  const durationMs = values.seconds ? Number(values.seconds) * 1000 : full.durationMs;
  const catalog = Catalog.parse(JSON.parse(await readFile(`${root}server/db/seed/catalog.json`, 'utf8')));
  const colour = (moment: string) => {
    const m = full.moments.find((x) => x.id === moment)!;
    const product = catalog.products.find((p) => p.id === m.productId)!;
    return product.colourways.find((c) => c.id === m.colourwayId)!.colors.primary;
  };

  for (const track of config.captions) await writeOut(track.src, commentaryVtt(full, track.lang));
  const wav = path.join(tmpdir(), 'courtside-match.wav');
  await writeFile(wav, wavBytes(synthesizeMatchAudio(full, floorHits(buildBallScript(full)))));

  const encoders = new Map<string, ChildProcessByStdio<Writable, null, null>>();
  for (const source of config.sources) {
    const out = publicPath(source.src);
    await rm(path.dirname(out), { recursive: source.type === 'hls', force: true }).catch(() => {});
    await mkdir(path.dirname(out), { recursive: true });
    const ffmpeg = spawn('ffmpeg', ffmpegArgs(source, wav, out, durationMs, source.layout === 'mono' ? CRF.mono : CRF.stereo), {
      stdio: ['pipe', 'inherit', 'inherit'],
    });
    encoders.set(source.id, ffmpeg);
  }
  const page = await openRenderPage(
    { timeline: full, dunkShoes: colour('dunk-court-runner'), ballColor: colour('game-ball'), faceSize: FACE_SIZE },
    { width: 1024, height: 1024 },
    async (stream, pixels) => {
      const stdin = encoders.get(stream)!.stdin;
      if (!stdin.write(pixels)) await once(stdin, 'drain');
    },
  );
  const frames = Math.round((durationMs / 1000) * DRAW_FPS);
  try {
    for (let k = 0; k < frames; k++) {
      for (const source of config.sources) {
        const { draw } = sourceSize(source);
        await page.frame({
          timeMs: (k * 1000) / DRAW_FPS,
          camera: source.camera,
          stereo: source.layout === 'stereo-top-bottom',
          ...draw,
          stream: source.id,
        });
      }
      if (k % 48 === 0) console.log(`frame ${k}/${frames} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
    }
  } finally {
    await page.close();
  }
  for (const [id, ffmpeg] of encoders) {
    ffmpeg.stdin.end();
    const [code] = await once(ffmpeg, 'exit');
    if (code !== 0) throw new Error(`ffmpeg for ${id} exited with ${code}`);
  }
  await report(performance.now() - started);
}

function requireFfmpeg(): void {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  } catch {
    console.error('npm run media needs ffmpeg (with libx264) on the PATH: apt-get install -y ffmpeg');
    process.exit(1);
  }
}

function publicPath(src: string): string {
  return path.join(publicDir, src);
}

async function writeOut(src: string, text: string): Promise<void> {
  await mkdir(path.dirname(publicPath(src)), { recursive: true });
  await writeFile(publicPath(src), text);
}

async function report(ms: number): Promise<void> {
  const dir = `${publicDir}/media/demo/`;
  const files = (await readdir(dir, { recursive: true })).sort();
  let total = 0;
  for (const file of files) {
    const info = await stat(dir + file);
    if (!info.isFile()) continue;
    total += info.size;
    console.log(`${file.padEnd(28)} ${String(info.size).padStart(9)}`);
  }
  console.log(`${'total'.padEnd(28)} ${String(total).padStart(9)}\ngenerated in ${(ms / 1000).toFixed(0)} s`);
}

main().catch((error: unknown) => {
  console.error(`media build failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
