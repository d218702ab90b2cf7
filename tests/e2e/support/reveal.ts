import { matchMaker } from '@colyseus/core';
import type { Page } from 'playwright-core';
import type { ArenaRoom } from '../../../server/room/ArenaRoom.ts';
import type { LaunchEventInput } from '../../../shared/events.ts';
import type { TestServer } from '../../integration/support/testServer.ts';

/** The admin token the reveal tests and bench start their server with. */
export const REVEAL_ADMIN_TOKEN = 'venue-admin-token-for-the-reveal';

/** The id of the arena shard (room) a visitor of this name is in, or null (the server runs in this process). */
export async function shardOf(name: string): Promise<string | null> {
  const shards = await matchMaker.query({ name: 'arena' });
  for (const s of shards) {
    const room = matchMaker.getLocalRoomById(s.roomId) as unknown as ArenaRoom | undefined;
    if ([...(room?.state.players.values() ?? [])].some((p) => p.name === name)) return s.roomId;
  }
  return null;
}

/** Signs in as the venue admin (the server must run with `adminToken: REVEAL_ADMIN_TOKEN`); returns the token. */
export async function adminSession(server: TestServer): Promise<string> {
  const res = await server
    .api()
    .post('/api/session', { name: 'Admin', color: '#000000', locale: 'en', currency: 'USD', adminToken: REVEAL_ADMIN_TOKEN });
  return res.body.token as string;
}

/**
 * Schedules, as the venue admin, a launch whose countdown is on now and whose reveal starts
 * `inMs` from now (the venue publishes it to every shard at once); returns its `startsAt` (ms).
 */
export async function scheduleReveal(
  server: TestServer,
  adminToken: string,
  id: string,
  inMs: number,
  fields: Partial<LaunchEventInput> = {},
): Promise<number> {
  const startsAtMs = Date.now() + inMs;
  const revealMs = fields.revealMs ?? 20_000;
  const event: LaunchEventInput = {
    id,
    title: { en: 'Court Runner 3', 'zh-CN': '疾风 3' },
    summary: { en: 'Revealed on center court.', 'zh-CN': '在中场揭幕。' },
    heroProductId: 'court-runner-2',
    heroColourwayId: 'red',
    startsAt: new Date(startsAtMs).toISOString(),
    endsAt: new Date(startsAtMs + revealMs + 10 * 60_000).toISOString(),
    countdownMs: 10 * 60_000,
    revealMs,
    ...fields,
  };
  const res = await server.api(adminToken).post('/api/events', event);
  if (res.status !== 201) throw new Error(`scheduling ${id} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return startsAtMs;
}

/** The page's reveal parts of its last frame (null before the 3D stage is up). */
export function revealParts(page: Page) {
  return page.evaluate(() => window.__courtside?.reveal?.marks().parts ?? null);
}

/** A named reveal object as the page draws it now (see client/debug/revealProbe.ts). */
export function revealObject(page: Page, name: string) {
  return page.evaluate((n) => window.__courtside?.reveal?.object(n) ?? null, name);
}
