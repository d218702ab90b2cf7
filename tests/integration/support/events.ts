import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LaunchEventInput } from '../../../shared/events.ts';

/** A launch event for tests: the hero is a catalog shoe; it starts in a day unless `fields` say otherwise. */
export function launchEvent(id: string, fields: Partial<LaunchEventInput> = {}): LaunchEventInput {
  const startsAt = Date.now() + 24 * 3_600_000;
  return {
    id,
    title: { en: `Launch ${id}`, 'zh-CN': `发布会 ${id}` },
    summary: { en: 'A launch in the arena', 'zh-CN': '中场发布' },
    heroProductId: 'court-runner-2',
    heroColourwayId: 'black',
    startsAt: new Date(startsAt).toISOString(),
    endsAt: new Date(startsAt + 3_600_000).toISOString(),
    ...fields,
  };
}

/** Writes an EVENTS_FILE (no demo loop) with these events, or events of these ids; returns its path. */
export function eventsFileWith(events: readonly (string | LaunchEventInput)[]): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-events-')), 'events.json');
  fs.writeFileSync(file, JSON.stringify({ events: events.map((e) => (typeof e === 'string' ? launchEvent(e) : e)) }));
  return file;
}
