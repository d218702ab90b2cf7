import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexCatalog, loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { loadMatch } from '../../../../../server/venue/match/loadMatch.ts';
import { MatchInfo } from '../../../../../shared/match.ts';

const root = path.resolve(import.meta.dirname, '../../../../..');
const demoDir = path.join(root, 'server/venue/match/demo');
const catalog = indexCatalog(loadSeedFile(path.join(root, 'server/db/seed/catalog.json')));
const readDemo = (name: string) => JSON.parse(fs.readFileSync(path.join(demoDir, name), 'utf8'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-match-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let cases = 0;
/** Writes a copy of the demo config (changed by `edit`) into a fresh dir; returns the config and timeline paths. */
// biome-ignore lint/suspicious/noExplicitAny: each case breaks the demo JSON in its own way, which no schema type allows.
function demoCopy(edit: (files: { config: any; timeline: any }) => void) {
  const dir = path.join(tmp, String(cases++));
  fs.mkdirSync(dir);
  const files = { config: readDemo('match.json'), timeline: readDemo('timeline.json') };
  edit(files);
  const config = path.join(dir, 'match.json');
  const timeline = path.join(dir, 'timeline.json');
  fs.writeFileSync(config, JSON.stringify(files.config));
  if (files.timeline !== undefined) fs.writeFileSync(timeline, JSON.stringify(files.timeline));
  return { config, timeline };
}

describe('loadMatch', () => {
  it('loads the demo configuration with its timeline inlined', () => {
    const match = loadMatch(path.join(demoDir, 'match.json'), catalog);
    expect(MatchInfo.parse(match)).toEqual(match);
    expect(match.sources.map((s) => s.id)).toEqual(['courtside', 'baseline', 'high']);
    expect(match.timeline.moments.map((m) => m.productId)).toEqual(['court-runner-2', 'home-jersey', 'pro-game-ball']);
    expect(match).not.toHaveProperty('timeline.timeline');
  });

  it('names the timeline, the moment and the product that is not in the catalog', () => {
    const files = demoCopy(({ timeline }) => {
      timeline.moments[1].productId = 'nope';
    });
    expect(() => loadMatch(files.config, catalog)).toThrow(
      `MATCH_CONFIG ${files.timeline}: moments.1.productId: "nope" is not in the catalog`,
    );
  });

  it('names a colourway the product does not come in', () => {
    const files = demoCopy(({ timeline }) => {
      timeline.moments[0].colourwayId = 'plaid';
    });
    expect(() => loadMatch(files.config, catalog)).toThrow(
      `MATCH_CONFIG ${files.timeline}: moments.0.colourwayId: "plaid" is not a colourway of "court-runner-2"`,
    );
  });

  it("names a director's cut to an angle no source has", () => {
    const files = demoCopy(({ timeline }) => {
      timeline.director[2].angle = 'blimp';
    });
    expect(() => loadMatch(files.config, catalog)).toThrow(
      `MATCH_CONFIG ${files.timeline}: director[2] names angle "blimp", which no source has`,
    );
  });

  it('names the JSON path of a timeline that breaks the schema', () => {
    const files = demoCopy(({ timeline }) => {
      timeline.moments[2].atMs = timeline.moments[1].atMs + 1000;
    });
    expect(() => loadMatch(files.config, catalog)).toThrow(
      `MATCH_CONFIG ${files.timeline}: moments.2.atMs: overlaps the moment before it`,
    );
    const late = demoCopy(({ timeline }) => {
      timeline.scores.at(-1).atMs = timeline.durationMs;
    });
    expect(() => loadMatch(late.config, catalog)).toThrow(
      `MATCH_CONFIG ${late.timeline}: scores.5.atMs: is past the end of the match`,
    );
  });

  it('names the JSON path of a configuration that breaks the schema', () => {
    const files = demoCopy(({ config }) => {
      config.sources[1].type = 'avi';
    });
    expect(() => loadMatch(files.config, catalog)).toThrow(`MATCH_CONFIG ${files.config}: sources.1.type: Invalid option`);
    const duplicate = demoCopy(({ config }) => {
      config.sources[2].id = 'courtside';
    });
    expect(() => loadMatch(duplicate.config, catalog)).toThrow(
      `MATCH_CONFIG ${duplicate.config}: sources.2.id: duplicate angle "courtside"`,
    );
  });

  it('says when a file is missing or is not JSON', () => {
    const missing = demoCopy((files) => {
      files.timeline = undefined;
    });
    expect(() => loadMatch(missing.config, catalog)).toThrow(`MATCH_CONFIG ${missing.timeline}: cannot be read (ENOENT`);
    const broken = demoCopy(() => {});
    fs.writeFileSync(broken.config, '{ "timeline": ');
    expect(() => loadMatch(broken.config, catalog)).toThrow(`MATCH_CONFIG ${broken.config}: is not valid JSON`);
  });
});
