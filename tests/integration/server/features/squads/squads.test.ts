import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEMO_APPROVE_CARD } from '../../../../../shared/api.ts';
import { MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import { SQUAD_MAX_MEMBERS, SquadResponse, SquadView, type SquadShowEvent } from '../../../../../shared/together.ts';
import { card, line } from '../../../support/checkout.ts';
import { startTestServer, type ArenaClientRoom, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Member {
  name: string;
  token: string;
  room: ArenaClientRoom;
  /** Every MSG.squad received, newest last. */
  views: (SquadView | null)[];
  shows: SquadShowEvent[];
  errors: ErrorBody[];
}

async function member(name: string): Promise<Member> {
  const { token } = await server.visitor(name);
  const room = await server.join(token);
  const m: Member = { name, token, room, views: [], shows: [], errors: [] };
  room.onMessage(MSG.squad, (v: unknown) => m.views.push(v === null ? null : SquadView.parse(v)));
  room.onMessage(MSG.squadShow, (e: SquadShowEvent) => m.shows.push(e));
  room.onMessage(MSG.error, (e: ErrorBody) => m.errors.push(e));
  return m;
}

const latest = (m: Member) => m.views.at(-1);
const linesOf = (view: SquadView | null | undefined, name: string) => view?.members.find((x) => x.name === name)?.lines;
const squadField = (m: Member) => server.room(m.room).state.players.get(m.room.sessionId)?.squad;

async function create(m: Member): Promise<SquadView> {
  const res = await server.api(m.token).post(API.squads, {});
  expect(res.status).toBe(201);
  return SquadResponse.parse(res.body).squad!;
}

async function join(m: Member, code: string) {
  return server.api(m.token).post(API.squadJoin, { code });
}

describe('squads', () => {
  it('a squad of three sees one cart; each member checks out only their own lines', async () => {
    const [ann, bob, cy] = await Promise.all([member('Ann'), member('Bob'), member('Cy')]);
    const squad = await create(ann);
    expect(squad.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(squad.members).toEqual([expect.objectContaining({ name: 'Ann', self: true, lines: [] })]);
    expect((await join(bob, squad.code)).status).toBe(200);
    // A code typed in lower case with spaces around it still works.
    const cyJoin = await join(cy, ` ${squad.code.toLowerCase()} `);
    expect(cyJoin.status).toBe(200);
    expect(SquadResponse.parse(cyJoin.body).squad?.members.map((m) => [m.name, m.self])).toEqual([
      ['Ann', false],
      ['Bob', false],
      ['Cy', true],
    ]);

    // Everyone in the shard hears the squad with session ids (online) and the squad field is set.
    for (const m of [ann, bob, cy]) {
      await until(() => latest(m)?.members.length === 3, `${m.name} to see three members`);
      expect(squadField(m)).toBe(squad.id);
    }
    expect(latest(bob)?.members.map((x) => x.sessionId)).toEqual([ann.room.sessionId, bob.room.sessionId, cy.room.sessionId]);
    expect(latest(bob)?.members.find((x) => x.self)?.name).toBe('Bob');

    // Ann adds a line: Bob and Cy get it under Ann.
    const shoe = line('court-runner-2', 'red', '42', 2);
    expect((await server.api(ann.token).put(API.cartLines, shoe)).status).toBe(200);
    for (const m of [bob, cy]) {
      await until(() => linesOf(latest(m), 'Ann')?.length === 1, `${m.name} to see Ann's line`);
      expect(linesOf(latest(m), 'Ann')).toEqual([shoe]);
    }
    const ball = line('street-ball', 'black', '7', 1);
    const put = await server.api(bob.token).put(API.cartLines, ball);
    expect(put.status).toBe(200);
    await until(() => linesOf(latest(cy), 'Bob')?.length === 1, "Cy to see Bob's line");

    // Bob checks out his own lines: his are gone, Ann's stay.
    const order = await server
      .api(bob.token)
      .order({ currency: 'USD', cartVersion: put.body.version, payment: card(DEMO_APPROVE_CARD) }, 'squad-bob-1');
    expect(order.status).toBe(201);
    await until(() => linesOf(latest(cy), 'Bob')?.length === 0, "Cy to see Bob's lines gone");
    expect(linesOf(latest(cy), 'Ann')).toEqual([shoe]);
    const mine = await server.api(ann.token).get(API.squadMe);
    expect(linesOf(SquadResponse.parse(mine.body).squad, 'Ann')).toEqual([shoe]);
    expect(linesOf(SquadResponse.parse(mine.body).squad, 'Bob')).toEqual([]);

    // Show to squad reaches Bob and Cy, not Ann herself, and not a visitor outside the squad.
    const outsider = await member('Out');
    ann.room.send(MSG.squadShow, { productId: 'home-jersey', colourwayId: 'gold' });
    await until(() => bob.shows.length === 1 && cy.shows.length === 1, 'the show to reach the squad');
    expect(bob.shows[0]).toEqual({ from: ann.room.sessionId, name: 'Ann', productId: 'home-jersey', colourwayId: 'gold' });
    outsider.room.send(MSG.squadShow, { productId: 'home-jersey', colourwayId: 'gold' });
    await until(() => outsider.errors.length === 1, 'the outsider to be refused');
    expect(outsider.errors[0]).toMatchObject({ code: 'bad_request', type: MSG.squadShow });
    ann.room.send(MSG.squadShow, { productId: 'home-jersey', colourwayId: 'purple' });
    await until(() => ann.errors.length === 1, 'an unknown colourway to be refused');
    expect(ann.errors[0]).toMatchObject({ code: 'not_found' });
    expect(ann.shows).toEqual([]);
    expect(outsider.shows).toEqual([]);
    expect(bob.shows).toHaveLength(1);

    // Cy leaves: the others see two members, Cy hears null and its squad field clears.
    expect((await server.api(cy.token).delete(API.squadMe)).status).toBe(200);
    await until(() => latest(cy) === null, 'Cy to hear it left');
    expect(squadField(cy)).toBe('');
    await until(() => latest(ann)?.members.length === 2, 'Ann to see Cy gone');
    expect(SquadResponse.parse((await server.api(cy.token).get(API.squadMe)).body).squad).toBeNull();
  });

  it('refuses a malformed or unknown code and a full squad with a clear error', async () => {
    const { token } = await server.visitor('Lone');
    const bad = await server.api(token).post(API.squadJoin, { code: 'O0I1' });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_request' });
    expect(bad.body.error.message).toContain('a squad code is 6 letters and digits');
    const unknown = await server.api(token).post(API.squadJoin, { code: 'ZZZZZZ' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('no squad has the code ZZZZZZ');
    expect((await server.api().post(API.squads, {})).status).toBe(401);

    const founder = await server.visitor('Founder');
    const created = await server.api(founder.token).post(API.squads, {});
    const { code, id } = SquadResponse.parse(created.body).squad!;
    for (let i = 1; i < SQUAD_MAX_MEMBERS; i++) {
      const v = await server.visitor(`M${i}`);
      expect((await server.api(v.token).post(API.squadJoin, { code })).status).toBe(200);
    }
    const late = await server.api(token).post(API.squadJoin, { code });
    expect(late.status).toBe(403);
    expect(late.body.error.message).toContain('full');
    expect(SquadResponse.parse((await server.api(token).get(API.squadMe)).body).squad).toBeNull();
    const count = await server.app.ctx.db.selectFrom('squad_members').select('visitor_id').where('squad_id', '=', id).execute();
    expect(count).toHaveLength(SQUAD_MAX_MEMBERS);
  });

  it('joining another squad leaves the old one; the last member leaving deletes the squad', async () => {
    const a = await server.visitor('A');
    const b = await server.visitor('B');
    const first = SquadResponse.parse((await server.api(a.token).post(API.squads, {})).body).squad!;
    const second = SquadResponse.parse((await server.api(b.token).post(API.squads, {})).body).squad!;
    const moved = await server.api(a.token).post(API.squadJoin, { code: second.code });
    expect(SquadResponse.parse(moved.body).squad?.members.map((m) => m.name)).toEqual(['B', 'A']);
    const gone = await server.app.ctx.db.selectFrom('squads').select('id').where('id', '=', first.id).execute();
    expect(gone).toEqual([]);
    expect((await server.api(a.token).delete(API.squadMe)).status).toBe(200);
    expect((await server.api(b.token).delete(API.squadMe)).status).toBe(200);
    const none = await server.app.ctx.db.selectFrom('squads').select('id').where('id', '=', second.id).execute();
    expect(none).toEqual([]);
    expect((await server.api(a.token).post(API.squadJoin, { code: second.code })).status).toBe(404);
  });
});
