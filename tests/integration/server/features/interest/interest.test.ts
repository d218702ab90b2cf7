import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnPlayer } from '../../../../../server/features/pose/players.ts';
import { API } from '../../../../../shared/api.ts';
import { MSG } from '../../../../../shared/protocol.ts';
import type { ReactionBatch, ReactionEvent } from '../../../../../shared/together.ts';
import { standAt } from '../../../support/standAt.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Visitor {
  token: string;
  room: ArenaClientRoom;
  reactions: ReactionEvent[];
  /** Reaction messages received (each a batch). */
  batches: number;
}

async function visitor(name: string): Promise<Visitor> {
  const { token } = await server.visitor(name);
  const v: Visitor = { token, room: await server.join(token), reactions: [], batches: 0 };
  v.room.onMessage(MSG.reactions, (b: ReactionBatch) => {
    v.batches++;
    v.reactions.push(...b.events);
  });
  return v;
}

/** What `watcher` receives of `other`, patch by patch: each new fine x and each new far x. */
function watch(watcher: Visitor, other: Visitor) {
  const seen = { fine: [] as number[], far: [] as number[] };
  watcher.room.onStateChange(() => {
    const p = watcher.room.state.players.get(other.room.sessionId);
    if (!p) return;
    if (p.x !== undefined && p.x !== seen.fine.at(-1)) seen.fine.push(p.x);
    if (p.farX !== seen.far.at(-1)) seen.far.push(p.farX);
  });
  return seen;
}

const fineX = (watcher: Visitor, other: Visitor) => watcher.room.state.players.get(other.room.sessionId)?.x;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Walks each walker 10 cm along +x per pose, 40 poses at the client's 20 Hz. */
async function walk(walkers: Array<[Visitor, number]>) {
  for (let i = 1; i <= 40; i++) {
    for (const [v, x0] of walkers) v.room.send(MSG.pose, { x: x0 + i * 10, y: 165, z: 0, yaw: 0, pitch: 0 });
    await sleep(50);
  }
}

async function leaveAll(...vs: Visitor[]) {
  await Promise.all(vs.map((v) => (v.room.connection.isOpen ? v.room.leave() : undefined)));
}

describe('interest management', () => {
  it('sends a near avatar every pose and a far one only its far pose, about once a second', async () => {
    const [ann, bob, cy] = [await visitor('Ann'), await visitor('Bob'), await visitor('Cy')];
    await standAt(server, ann.room, -2000, 0);
    await standAt(server, bob.room, -1800, 0);
    await standAt(server, cy.room, 2000, 0);
    await until(() => fineX(ann, bob) === -1800 && fineX(ann, cy) === undefined, 'Cy to leave Ann’s full-rate set');
    const ofBob = watch(ann, bob);
    const ofCy = watch(ann, cy);
    await walk([
      [bob, -1800],
      [cy, 2000],
    ]);
    await until(() => fineX(ann, bob) === -1400, 'Bob’s last pose');
    // Bob: nearly every one of his 40 poses (patches may merge two); Cy: never a fine pose, and his
    // far pose moved (the crowd stays alive) but at most once or so a second over the 2 s walk.
    expect(ofBob.fine.length).toBeGreaterThanOrEqual(15);
    expect(ofCy.fine).toEqual([]);
    await until(() => ofCy.far.length >= 2, 'Cy’s far pose to move');
    expect(ofCy.far.length - 1).toBeLessThanOrEqual(3);
    expect(ofCy.far.at(-1)).toBeGreaterThan(2000);
    await leaveAll(ann, bob, cy);
  });

  it('sends a squad mate at full rate wherever they stand, and a stranger beside them not', async () => {
    const [ann, cy, dee] = [await visitor('Ann'), await visitor('Cy'), await visitor('Dee')];
    const created = await server.api(ann.token).post(API.squads, {});
    expect(created.status).toBe(201);
    expect((await server.api(cy.token).post(API.squadJoin, { code: created.body.squad.code })).status).toBe(200);
    await until(() => ann.room.state.players.get(cy.room.sessionId)?.squad !== '', 'Cy’s squad to show');
    await standAt(server, ann.room, -2000, 0);
    await standAt(server, cy.room, 2000, 0);
    await standAt(server, dee.room, 2000, 300);
    await until(() => fineX(ann, cy) === 2000 && fineX(ann, dee) === undefined, 'the sets after moving apart');
    const ofCy = watch(ann, cy);
    await walk([[cy, 2000]]);
    await until(() => fineX(ann, cy) === 2400, 'Cy’s last pose');
    expect(ofCy.fine.length).toBeGreaterThanOrEqual(15);
    expect(fineX(ann, dee)).toBeUndefined();
    await leaveAll(ann, cy, dee);
  });

  it('keeps someone you talked with nearby at full rate after they walk away', async () => {
    const [ann, bob, dee] = [await visitor('Ann'), await visitor('Bob'), await visitor('Dee')];
    await standAt(server, ann.room, -2000, 0);
    await standAt(server, bob.room, -1800, 0);
    bob.room.send(MSG.chat, { channel: 'nearby', text: 'see you at the shoe wall' });
    await until(() => fineX(ann, bob) === -1800, 'Bob near Ann');
    await sleep(300);
    await standAt(server, bob.room, 2000, 0);
    await standAt(server, dee.room, 2000, 300);
    await until(() => fineX(ann, bob) === 2000, 'Bob’s fine pose, 40 m away');
    await until(() => fineX(ann, dee) === undefined, 'Dee, beside Bob, out of Ann’s set');
    expect(fineX(ann, bob)).toBe(2000);
    await leaveAll(ann, bob, dee);
  });

  it('still reaches every visitor with each reaction exactly once, near or far, in batches, and not one who left', async () => {
    const [ann, bob, cy, gone] = [await visitor('Ann'), await visitor('Bob'), await visitor('Cy'), await visitor('Gone')];
    await standAt(server, cy.room, 2000, 0);
    await gone.room.leave();
    for (const emoji of ['🔥', '❤️'] as const) ann.room.send(MSG.reaction, { emoji });
    for (const emoji of ['👏', '🏀'] as const) bob.room.send(MSG.reaction, { emoji });
    await until(() => [ann, bob, cy].every((v) => v.reactions.length === 4), 'the four reactions everywhere');
    // Sent together, they arrive in fewer messages than reactions (one batch, or two across a boundary).
    for (const v of [ann, bob, cy]) expect(v.batches).toBeLessThan(4);
    // A fifth reaction fences the first four: nothing was sent twice before it.
    cy.room.send(MSG.reaction, { emoji: '😮' });
    await until(() => [ann, bob, cy].every((v) => v.reactions.length >= 5), 'the fence reaction');
    for (const v of [ann, bob, cy]) expect(v.reactions.map((r) => r.emoji).sort()).toEqual(['❤️', '👏', '😮', '🔥', '🏀'].sort());
    expect(gone.reactions).toEqual([]);
    await leaveAll(ann, bob, cy);
  });

  it('gives a visitor joining a shard whose state is past 16 KB the whole state, decoded right', async () => {
    const host = await visitor('Host');
    const shard = server.room(host.room);
    // 300 seated players' worth of state (about 30 KB) without 300 connections.
    for (let i = 0; i < 300; i++) {
      const name = `Crowd member ${String(i).padStart(11, '0')}`;
      shard.state.players.set(
        `crowd-${i}`,
        spawnPlayer({ id: `c${i}`, name, color: '#123456', role: 'visitor', locale: 'en', currency: 'USD' }, i),
      );
    }
    const late = await visitor('Late');
    await until(() => late.room.state.players.size === shard.state.players.size, 'the whole crowd');
    expect(late.room.state.players.get('crowd-299')?.name).toBe('Crowd member 00000000299');
    expect(late.room.state.players.get('crowd-299')?.farX).toBe(shard.state.players.get('crowd-299')?.farX);
    expect(late.room.state.players.get(host.room.sessionId)?.name).toBe('Host');
    for (let i = 0; i < 300; i++) shard.state.players.delete(`crowd-${i}`);
    await leaveAll(host, late);
  });
});
