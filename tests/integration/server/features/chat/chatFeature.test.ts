import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import {
  CHAT_MAX_LENGTH,
  CHAT_RATE,
  PLAYER_FLAG,
  REMOVED_CLOSE_CODE,
  type ChatMessage,
  type ChatSend,
  type ModerationEvent,
  type ReactionBatch,
  type ReactionEvent,
} from '../../../../../shared/together.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

const ADMIN_TOKEN = 'chat-test-admin-token';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { adminToken: ADMIN_TOKEN } });
});
afterAll(async () => {
  await server?.close();
});

interface Visitor {
  id: string;
  token: string;
  room: ArenaClientRoom;
  chats: ChatMessage[];
  errors: ErrorBody[];
  reactions: ReactionEvent[];
  moderation: ModerationEvent[];
}

function listen(v: Omit<Visitor, 'chats' | 'errors' | 'reactions' | 'moderation'>): Visitor {
  const out: Visitor = { ...v, chats: [], errors: [], reactions: [], moderation: [] };
  out.room.onMessage(MSG.chat, (m: ChatMessage) => out.chats.push(m));
  out.room.onMessage(MSG.error, (e: ErrorBody) => out.errors.push(e));
  out.room.onMessage(MSG.reactions, (b: ReactionBatch) => out.reactions.push(...b.events));
  out.room.onMessage(MSG.moderation, (m: ModerationEvent) => out.moderation.push(m));
  return out;
}

async function visitor(name: string, on: TestServer = server): Promise<Visitor> {
  const { token, id } = await on.visitor(name);
  return listen({ id, token, room: await on.join(token) });
}

async function admin(): Promise<Visitor> {
  const res = await server
    .api()
    .post('/api/session', { name: 'Admin', color: '#ffffff', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
  expect(res.status).toBe(201);
  return listen({ id: res.body.visitor.id, token: res.body.token, room: await server.join(res.body.token) });
}

/** Stands a visitor at (x, z) centimetres and waits until the server has it. */
async function standAt(v: Visitor, x: number, z: number) {
  v.room.send(MSG.pose, { x, y: 165, z, yaw: 0, pitch: 0 });
  await until(() => {
    const p = server.room(v.room).state.players.get(v.room.sessionId);
    return p?.x === x && p.z === z;
  }, 'the pose to land');
}

const say = (v: Visitor, text: string, channel: ChatSend['channel'] = 'arena') => v.room.send(MSG.chat, { channel, text });
const texts = (v: Visitor) => v.chats.map((m) => m.text);

/** Sends an arena message that must arrive everywhere, so "nothing arrived before it" needs no timeout. */
async function fence(from: Visitor, ...to: Visitor[]) {
  const text = `fence ${Math.random()}`;
  say(from, text);
  await until(() => [from, ...to].every((v) => texts(v).includes(text)), 'the fence message');
}

async function leaveAll(...vs: Visitor[]) {
  await Promise.all(vs.map((v) => (v.room.connection.isOpen ? v.room.leave() : undefined)));
}

describe('chat', () => {
  it('delivers arena chat to everyone, nearby chat only within the radius, squad chat only to squad mates', async () => {
    const [ann, bob, cat] = [await visitor('Ann'), await visitor('Bob'), await visitor('Cat')];
    expect(new Set([ann, bob, cat].map((v) => v.room.roomId)).size).toBe(1);
    await standAt(ann, 0, 0);
    await standAt(bob, 300, 400); // 5 m away: nearby
    await standAt(cat, 2000, 0); // 20 m away: not nearby

    say(ann, 'hello arena');
    await until(() => [ann, bob, cat].every((v) => texts(v).includes('hello arena')), 'arena chat everywhere');
    expect(bob.chats.at(-1)).toMatchObject({ channel: 'arena', from: ann.room.sessionId, name: 'Ann', text: 'hello arena' });

    say(ann, 'anyone near?', 'nearby');
    await until(() => texts(bob).includes('anyone near?') && texts(ann).includes('anyone near?'), 'nearby chat');
    await fence(ann, bob, cat);
    expect(texts(cat)).not.toContain('anyone near?');

    // The squads flow puts the squad id on the player; set it directly to test delivery alone.
    const shard = server.room(ann.room);
    shard.state.players.get(ann.room.sessionId)!.squad = 'sq_test';
    shard.state.players.get(cat.room.sessionId)!.squad = 'sq_test';
    say(ann, 'squad only', 'squad');
    await until(() => texts(cat).includes('squad only') && texts(ann).includes('squad only'), 'squad chat');
    await fence(ann, bob, cat);
    expect(texts(bob)).not.toContain('squad only');

    say(bob, 'me too', 'squad');
    await until(() => bob.errors.length === 1, 'a reply to squad chat without a squad');
    expect(bob.errors[0]).toMatchObject({ code: 'chat_rejected', message: 'not in a squad', type: MSG.chat });
    await leaveAll(ann, bob, cat);
  });

  it('rejects empty and oversized messages with a reason and delivers nothing', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    say(ann, '   \n ');
    say(ann, '好'.repeat(CHAT_MAX_LENGTH + 1));
    await until(() => ann.errors.length === 2, 'two error replies');
    expect(ann.errors).toEqual([
      { code: 'chat_rejected', message: 'empty', type: MSG.chat },
      { code: 'chat_rejected', message: 'too long', type: MSG.chat },
    ]);
    // Exactly the limit counts code points: 200 emoji are 400 UTF-16 units and still go out.
    say(ann, '🏀'.repeat(CHAT_MAX_LENGTH));
    await until(() => texts(bob).includes('🏀'.repeat(CHAT_MAX_LENGTH)), 'the longest message');
    expect(bob.chats).toHaveLength(1);
    expect(ann.chats).toHaveLength(1);
    await leaveAll(ann, bob);
  });

  it('answers a burst beyond the chat rate with rate_limited and delivers only the burst', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    for (let i = 0; i < CHAT_RATE.burst + 3; i++) say(ann, `flood ${i}`);
    await until(() => ann.errors.length >= 2, 'rate_limited replies');
    await until(() => bob.chats.length >= CHAT_RATE.burst, 'the burst to arrive');
    expect(ann.errors.every((e) => e.code === 'rate_limited' && e.type === MSG.chat)).toBe(true);
    // NOTE: a token may refill while the frames are read; the burst is never exceeded by more than that.
    expect(bob.chats.length).toBeLessThanOrEqual(CHAT_RATE.burst + 1);
    expect(bob.chats.length + ann.errors.length).toBe(CHAT_RATE.burst + 3);
    expect(texts(bob).slice(0, CHAT_RATE.burst)).toEqual([0, 1, 2, 3, 4].map((i) => `flood ${i}`));
    await leaveAll(ann, bob);
  });

  it('masks English and Chinese bad words and still delivers the message', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    say(ann, 'what the fuck, 你他妈的 nice shoes');
    await until(() => bob.chats.length === 1, 'the filtered message');
    expect(bob.chats[0]?.text).toBe('what the ****, 你＊＊＊ nice shoes');
    say(ann, 'sh1t 傻逼 Scunthorpe assassin 我们一起买吧');
    await until(() => bob.chats.length === 2, 'the second message');
    expect(bob.chats[1]?.text).toBe('**** ＊＊ Scunthorpe assassin 我们一起买吧');
    await leaveAll(ann, bob);
  });

  it('sends reactions to everyone in the shard, the sender included, within the reaction rate', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    ann.room.send(MSG.reaction, { emoji: '🔥' });
    await until(() => bob.reactions.length === 1 && ann.reactions.length === 1, 'the reaction');
    expect(bob.reactions[0]).toMatchObject({ from: ann.room.sessionId, emoji: '🔥' });
    ann.room.send(MSG.reaction, { emoji: '💩' });
    await until(() => ann.errors.length === 1, 'a reply to an unknown reaction');
    expect(ann.errors[0]).toMatchObject({ code: 'invalid_message', type: MSG.reaction });
    for (let i = 0; i < 12; i++) ann.room.send(MSG.reaction, { emoji: '👏' });
    await until(() => ann.errors.some((e) => e.code === 'rate_limited' && e.type === MSG.reaction), 'rate_limited');
    await fence(ann, bob);
    expect(bob.reactions.length).toBeLessThan(13);
    await leaveAll(ann, bob);
  });

  it('shows typing, voice and speaking in the player flags', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    const flagsOfAnn = () => bob.room.state.players.get(ann.room.sessionId)?.flags ?? 0;
    ann.room.send(MSG.status, { typing: true, voice: true, speaking: false });
    await until(() => flagsOfAnn() === (PLAYER_FLAG.typing | PLAYER_FLAG.voice), 'typing + voice');
    ann.room.send(MSG.status, { typing: false, voice: true, speaking: true });
    await until(() => flagsOfAnn() === (PLAYER_FLAG.voice | PLAYER_FLAG.speaking), 'voice + speaking');
    ann.room.send(MSG.status, { typing: false, voice: true, speaking: true, muted: false });
    await until(() => ann.errors.length === 1, 'a reply to a status with an extra field');
    expect(ann.errors[0]).toMatchObject({ code: 'invalid_message', type: MSG.status });
    await leaveAll(ann, bob);
  });
});

describe('moderation', () => {
  it('refuses moderation from a visitor who is not the venue admin, and an unknown target', async () => {
    const [ann, bob] = [await visitor('Ann'), await visitor('Bob')];
    ann.room.send(MSG.moderate, { action: 'mute', target: bob.room.sessionId });
    await until(() => ann.errors.length === 1, 'forbidden');
    expect(ann.errors[0]).toMatchObject({ code: 'forbidden', type: MSG.moderate });
    const host = await admin();
    host.room.send(MSG.moderate, { action: 'mute', target: 'nobody-here' });
    await until(() => host.errors.length === 1, 'not_found');
    expect(host.errors[0]).toMatchObject({ code: 'not_found', type: MSG.moderate });
    await fence(bob, ann);
    expect(bob.moderation).toEqual([]);
    await leaveAll(ann, bob, host);
  });

  it('mutes a visitor (no chat, no voice, survives a rejoin) and unmutes them', async () => {
    const host = await admin();
    let troll = await visitor('Troll');
    const bob = await visitor('Bob');
    const flagsOf = (v: Visitor) => bob.room.state.players.get(v.room.sessionId)?.flags ?? 0;
    troll.room.send(MSG.status, { typing: false, voice: true, speaking: true });
    await until(() => flagsOf(troll) === (PLAYER_FLAG.voice | PLAYER_FLAG.speaking), 'voice on');

    host.room.send(MSG.moderate, { action: 'mute', target: troll.room.sessionId });
    await until(() => troll.moderation.length === 1, 'the moderation message');
    expect(troll.moderation[0]).toEqual({ muted: true });
    await until(() => flagsOf(troll) === PLAYER_FLAG.muted, 'muted, voice and speaking off');
    say(troll, 'let me talk');
    troll.room.send(MSG.status, { typing: true, voice: true, speaking: true });
    await until(() => troll.errors.length === 1, 'chat refused');
    expect(troll.errors[0]).toMatchObject({ code: 'chat_rejected', message: 'muted' });
    await until(() => flagsOf(troll) === (PLAYER_FLAG.muted | PLAYER_FLAG.typing), 'typing shown, voice still off');

    await troll.room.leave();
    troll = listen({ ...troll, room: await server.join(troll.token) });
    await until(() => flagsOf(troll) === PLAYER_FLAG.muted, 'still muted after rejoining');
    say(troll, 'I am back');
    await until(() => troll.errors.length === 1, 'chat refused after rejoining');

    host.room.send(MSG.moderate, { action: 'unmute', target: troll.room.sessionId });
    await until(() => troll.moderation.at(-1)?.muted === false, 'unmuted');
    await until(() => flagsOf(troll) === 0, 'muted bit cleared');
    say(troll, 'thanks');
    await until(() => texts(bob).includes('thanks'), 'chat after unmute');
    await leaveAll(host, troll, bob);
  });

  it('removes a visitor: disconnected with the removal code and refused on rejoining', async () => {
    const host = await admin();
    const troll = await visitor('Troll');
    const left = new Promise<number>((resolve) => troll.room.onLeave((code) => resolve(code)));
    host.room.send(MSG.moderate, { action: 'remove', target: troll.room.sessionId });
    expect(await left).toBe(REMOVED_CLOSE_CODE);
    await until(() => !server.room(host.room).state.players.has(troll.room.sessionId), 'the player to go');
    await expect(server.join(troll.token)).rejects.toThrow(/removed/);
    const other = await visitor('Other');
    expect(other.room.connection.isOpen).toBe(true);
    await leaveAll(host, other);
  });
});

describe('chat across shards', () => {
  let small: TestServer;
  beforeAll(async () => {
    small = await startTestServer({ config: { maxClientsPerRoom: 2 } });
  });
  afterAll(async () => {
    await small?.close();
  });

  it('reaches arena and squad chat into every shard of the venue, nearby chat stays in its shard', async () => {
    const vs = [await visitor('A1', small), await visitor('A2', small), await visitor('B1', small), await visitor('B2', small)];
    const [a1, a2, b1, b2] = vs as [Visitor, Visitor, Visitor, Visitor];
    expect(a1.room.roomId).toBe(a2.room.roomId);
    expect(b1.room.roomId).toBe(b2.room.roomId);
    expect(b1.room.roomId).not.toBe(a1.room.roomId);

    say(a1, 'venue-wide');
    await until(() => vs.every((v) => texts(v).includes('venue-wide')), 'arena chat in both shards');

    small.room(a1.room).state.players.get(a1.room.sessionId)!.squad = 'sq_x';
    small.room(b2.room).state.players.get(b2.room.sessionId)!.squad = 'sq_x';
    say(a1, 'squad across shards', 'squad');
    await until(() => texts(b2).includes('squad across shards'), 'squad chat in the other shard');
    say(a1, 'near me', 'nearby');
    await until(() => texts(a1).includes('near me'), 'nearby echo');
    await fence(a1, a2, b1, b2);
    expect(texts(a2)).not.toContain('squad across shards');
    expect(texts(b1)).not.toContain('squad across shards');
    expect(texts(b1)).not.toContain('near me');
    await leaveAll(...vs);
  });
});
