import fs from 'node:fs';
import { type DemoSchedule, EventsFile, type LaunchEvent, type LivePrice } from '../../../shared/events.ts';
import type { Currency } from '../../../shared/money.ts';
import type { CatalogIndex } from '../catalog.ts';

/**
 * What the catalog says about a launch event: its hero product and colourway exist, and each live-only
 * price is for a product the catalog has, in a currency it sells in, below its regular price. Problems
 * name the JSON path (`heroProductId`, `livePrices.0.prices.USD`); none means the event fits.
 */
export function eventProblems(
  event: Pick<LaunchEvent, 'heroProductId' | 'heroColourwayId' | 'livePrices'>,
  catalog: CatalogIndex,
): string[] {
  const problems: string[] = [];
  const hero = catalog.products.get(event.heroProductId);
  if (!hero) problems.push(`heroProductId: "${event.heroProductId}" is not in the catalog`);
  else if (!hero.colourways.some((c) => c.id === event.heroColourwayId)) {
    problems.push(`heroColourwayId: "${event.heroColourwayId}" is not a colourway of "${event.heroProductId}"`);
  }
  event.livePrices.forEach((live, i) => {
    const product = catalog.products.get(live.productId);
    if (!product) {
      problems.push(`livePrices.${i}.productId: "${live.productId}" is not in the catalog`);
      return;
    }
    for (const [currency, price] of Object.entries(live.prices)) {
      const regular = product.prices[currency as Currency];
      if (regular === undefined)
        problems.push(`livePrices.${i}.prices.${currency}: "${live.productId}" is not sold in ${currency}`);
      else if (price !== undefined && price >= regular) {
        problems.push(`livePrices.${i}.prices.${currency}: ${price} is not below the regular price ${regular}`);
      }
    }
  });
  return problems;
}

/**
 * Reads and checks `EVENTS_FILE`: the shared schema, then every event and the demo template against the
 * catalog, and no id twice. Throws one Error naming the file and each problem, so a bad file stops the
 * server at start with a message an editor can act on.
 */
export function loadEventsFile(file: string, catalog: CatalogIndex): EventsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = e instanceof SyntaxError ? `is not valid JSON (${e.message})` : `cannot be read (${(e as Error).message})`;
    throw new Error(`EVENTS_FILE ${file} ${reason}`);
  }
  const parsed = EventsFile.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`EVENTS_FILE ${file}: ${issues.slice(0, 10).join('; ')}`);
  }
  const problems: string[] = [];
  const ids = new Set<string>();
  parsed.data.events.forEach((event, i) => {
    if (ids.has(event.id)) problems.push(`events.${i}.id: "${event.id}" appears twice`);
    ids.add(event.id);
    for (const p of eventProblems(event, catalog)) problems.push(`events.${i}.${p}`);
  });
  if (parsed.data.demo) for (const p of eventProblems(parsed.data.demo.template, catalog)) problems.push(`demo.template.${p}`);
  if (problems.length > 0) throw new Error(`EVENTS_FILE ${file}: ${problems.slice(0, 10).join('; ')}`);
  return parsed.data;
}

/**
 * The demo loop's runs worth showing at `nowMs`: the last one that began (while it is not long over)
 * and the next one. Run n (from 1) reveals at `startedAtMs + firstAfterMs + (n − 1) · everyMs`; its id
 * is `<template id>-<n>`, so every process started at the same moment names the same runs.
 */
export function demoRuns(schedule: DemoSchedule, startedAtMs: number, nowMs: number): LaunchEvent[] {
  const first = startedAtMs + schedule.firstAfterMs;
  const run = (n: number): LaunchEvent => {
    const startsAt = first + (n - 1) * schedule.everyMs;
    const { id, ...template } = schedule.template;
    return {
      ...template,
      id: `${id}-${n}`,
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(startsAt + schedule.template.revealMs + schedule.liveMs).toISOString(),
    } as LaunchEvent;
  };
  const begun = nowMs < first ? 0 : Math.floor((nowMs - first) / schedule.everyMs) + 1;
  return begun === 0 ? [run(1)] : [run(begun), run(begun + 1)];
}

/** The lowest live-only price of a product among the events live at `nowMs` (undefined: none). */
export function livePriceAt(
  events: readonly (Pick<LaunchEvent, 'startsAt' | 'endsAt'> & { livePrices: readonly LivePrice[] })[],
  productId: string,
  currency: Currency,
  nowMs: number,
): number | undefined {
  let best: number | undefined;
  for (const event of events) {
    // NOTE: the live price holds from the reveal to the end (the reveal is when it is announced).
    if (nowMs < Date.parse(event.startsAt) || nowMs >= Date.parse(event.endsAt)) continue;
    for (const live of event.livePrices) {
      const price = live.productId === productId ? live.prices[currency] : undefined;
      if (price !== undefined && (best === undefined || price < best)) best = price;
    }
  }
  return best;
}
