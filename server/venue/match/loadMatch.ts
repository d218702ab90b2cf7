import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { MatchConfigFile, type MatchInfo, MatchTimeline, matchProblems } from '../../../shared/match.ts';
import type { CatalogIndex } from '../../domain/catalog.ts';

/**
 * Reads a venue's match configuration and the timeline it names (relative to the configuration
 * file), and checks both: the shared schemas, the director's angles, and that every shoppable moment
 * sells a product and colourway the catalog has. Throws one Error naming the file, the JSON path and
 * the problem, so a bad timeline stops the server at start with a message an editor can act on.
 */
export function loadMatch(configFile: string, catalog: CatalogIndex): MatchInfo {
  const config = parseFile(configFile, MatchConfigFile);
  const timelineFile = path.resolve(path.dirname(configFile), config.timeline);
  const timeline = parseFile(timelineFile, MatchTimeline);

  const problems = matchProblems(config.sources, timeline);
  timeline.moments.forEach((m, i) => {
    const product = catalog.products.get(m.productId);
    if (!product) problems.push(`moments.${i}.productId: "${m.productId}" is not in the catalog`);
    else if (!product.colourways.some((c) => c.id === m.colourwayId)) {
      problems.push(`moments.${i}.colourwayId: "${m.colourwayId}" is not a colourway of "${m.productId}"`);
    }
  });
  if (problems.length > 0) throw matchError(timelineFile, problems);

  return { loop: config.loop, sources: config.sources, captions: config.captions, timeline };
}

function parseFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = e instanceof SyntaxError ? `is not valid JSON (${e.message})` : `cannot be read (${(e as Error).message})`;
    throw matchError(file, [reason]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw matchError(
      file,
      parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

function matchError(file: string, problems: string[]): Error {
  const relative = path.relative(process.cwd(), file);
  const shown = relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
  return new Error(`MATCH_CONFIG ${shown}: ${problems.slice(0, 10).join('; ')}`);
}
