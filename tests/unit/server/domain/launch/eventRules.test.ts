import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LaunchEvent } from '../../../../../shared/events.ts';
import { indexCatalog, loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { demoRuns, eventProblems, livePriceAt, loadEventsFile } from '../../../../../server/domain/launch/eventRules.ts';

const catalog = indexCatalog(loadSeedFile(path.resolve(import.meta.dirname, '../../../../../server/db/seed/catalog.json')));
const text = { en: 'Launch', 'zh-CN': '发布' };
const event = (fields: Record<string, unknown> = {}) =>
  LaunchEvent.parse({
    id: 'court-runner-3',
    title: text,
    summary: text,
    heroProductId: 'court-runner-2',
    heroColourwayId: 'black',
    startsAt: '2026-12-07T12:00:00.000Z',
    endsAt: '2026-12-07T13:00:00.000Z',
    livePrices: [{ productId: 'court-runner-2', prices: { USD: 10900, EUR: 9900 } }],
    ...fields,
  });

function writeFile(content: unknown): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-events-')), 'events.json');
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('launch event rules', () => {
  it('checks an event against the catalog: hero product and colourway, live prices below the regular ones', () => {
    expect(eventProblems(event(), catalog)).toEqual([]);
    expect(eventProblems(event({ heroProductId: 'moon-boot' }), catalog)).toEqual([
      'heroProductId: "moon-boot" is not in the catalog',
    ]);
    expect(eventProblems(event({ heroColourwayId: 'plaid' }), catalog)).toEqual([
      'heroColourwayId: "plaid" is not a colourway of "court-runner-2"',
    ]);
    expect(eventProblems(event({ livePrices: [{ productId: 'court-runner-2', prices: { USD: 12900 } }] }), catalog)).toEqual([
      'livePrices.0.prices.USD: 12900 is not below the regular price 12900',
    ]);
    expect(eventProblems(event({ livePrices: [{ productId: 'ghost', prices: { USD: 1 } }] }), catalog)).toEqual([
      'livePrices.0.productId: "ghost" is not in the catalog',
    ]);
  });

  it('refuses an events file that is not JSON, breaks the schema, names an unknown product or repeats an id, naming each problem', () => {
    expect(() => loadEventsFile(writeFile('{'), catalog)).toThrow(/is not valid JSON/);
    expect(() => loadEventsFile(writeFile({ events: [{ id: 'x' }] }), catalog)).toThrow(/events\.0\.title/);
    const unknown = { ...event(), heroProductId: 'moon-boot' };
    expect(() => loadEventsFile(writeFile({ events: [unknown] }), catalog)).toThrow(
      /events\.0\.heroProductId: "moon-boot" is not in the catalog/,
    );
    expect(() => loadEventsFile(writeFile({ events: [event(), event()] }), catalog)).toThrow(
      /events\.1\.id: "court-runner-3" appears twice/,
    );
    expect(loadEventsFile(writeFile({ events: [event()] }), catalog).events).toHaveLength(1);
    expect(loadEventsFile(path.resolve('server/db/seed/events.json'), catalog).demo).toBeDefined();
  });

  it('runs the demo loop from the start: the next run before the first, then the last begun and the next', () => {
    const { startsAt: _s, endsAt: _e, ...template } = event();
    const schedule = { template, firstAfterMs: 240_000, everyMs: 900_000, liveMs: 300_000 };
    const t0 = Date.parse('2026-12-07T10:00:00.000Z');
    const ids = (now: number) => demoRuns(schedule, t0, now).map((r) => [r.id, r.startsAt, r.endsAt]);
    expect(ids(t0)).toEqual([['court-runner-3-1', '2026-12-07T10:04:00.000Z', '2026-12-07T10:09:20.000Z']]);
    expect(ids(t0 + 240_000).map(([id]) => id)).toEqual(['court-runner-3-1', 'court-runner-3-2']);
    expect(ids(t0 + 240_000 + 900_000).map(([id]) => id)).toEqual(['court-runner-3-2', 'court-runner-3-3']);
  });

  it('prices a product at the lowest live price of the events live now, only from the reveal to the end', () => {
    const cheaper = event({ id: 'other', livePrices: [{ productId: 'court-runner-2', prices: { USD: 9900 } }] });
    const start = Date.parse('2026-12-07T12:00:00.000Z');
    expect(livePriceAt([event()], 'court-runner-2', 'USD', start - 1)).toBeUndefined();
    expect(livePriceAt([event()], 'court-runner-2', 'USD', start)).toBe(10900);
    expect(livePriceAt([event(), cheaper], 'court-runner-2', 'USD', start + 60_000)).toBe(9900);
    expect(livePriceAt([event()], 'court-runner-2', 'CNY', start)).toBeUndefined();
    expect(livePriceAt([event()], 'street-ball', 'USD', start)).toBeUndefined();
    expect(livePriceAt([event()], 'court-runner-2', 'USD', Date.parse('2026-12-07T13:00:00.000Z'))).toBeUndefined();
  });
});
