import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, DEMO_APPROVE_CARD } from '../../../../shared/api.ts';
import { groupBuyCommitsPath, groupBuyJoinedPath, GroupBuyJoinedResponse } from '../../../../shared/groupBuy.ts';
import { SquadResponse } from '../../../../shared/together.ts';
import { card, setStock } from '../../support/checkout.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

/**
 * Who joined a group buy, over the real server and database (server/domain/groupBuy/joined.ts):
 * squad mates by name, everyone else as a count, and a filled group that offers nobody a place.
 */

const BALL = 'mini-ball';
const body = { colourwayId: 'blue', size: '3', currency: 'USD', payment: card(DEMO_APPROVE_CARD) };

describe('group buy: who joined', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { apiRatePerMinute: 100_000, sessionRatePerMinute: 100_000 } });
    await setStock(server, `${BALL}:blue:3`, 20);
  });
  afterAll(async () => {
    await server?.close();
  });

  const joined = async (token?: string) => {
    const res = await (token ? server.api(token) : server.api()).get(groupBuyJoinedPath(BALL));
    expect(res.status).toBe(200);
    return GroupBuyJoinedResponse.parse(res.body).joined;
  };
  const commit = (token: string, key: string, extra: Record<string, unknown> = {}) =>
    server.api(token).post(groupBuyCommitsPath(BALL), { ...body, ...extra }, { 'Idempotency-Key': key });

  it('names squad mates in the group to each other, counts strangers, and never names a stranger', async () => {
    const ada = await server.visitor('Ada');
    const bo = await server.visitor('Bo');
    const cy = await server.visitor('Cy');
    const dee = await server.visitor('Dee');
    const squad = SquadResponse.parse((await server.api(ada.token).post(API.squads, {})).body).squad!;
    expect((await server.api(bo.token).post(API.squadJoin, { code: squad.code })).status).toBe(200);

    expect(await joined(ada.token)).toBeNull();
    expect((await commit(ada.token, 'who-ada-001')).status).toBe(201);
    expect((await commit(cy.token, 'who-cy-0001')).status).toBe(201);

    // Bo (Ada's squad mate, not in the group yet) sees Ada by name and Cy as one other.
    expect(await joined(bo.token)).toMatchObject({ committed: 2, size: 3, you: false, squadMates: [{ name: 'Ada' }], others: 1 });
    // Ada is in it; her only mate is not: nobody by name, Cy as one other.
    expect(await joined(ada.token)).toMatchObject({ you: true, squadMates: [], others: 1 });
    // Dee and an anonymous visitor squad with nobody: two others, no names on the wire.
    for (const view of [await joined(dee.token), await joined()]) {
      expect(view).toMatchObject({ committed: 2, you: false, squadMates: [], others: 2 });
      expect(JSON.stringify(view)).not.toMatch(/Ada|Cy/);
    }
  });

  it('a filled group offers no join: it is no longer open, and a commit naming it is refused', async () => {
    const open = (await joined())!;
    const bo = await server.visitor('Bo again');
    const res = await commit(bo.token, 'who-fill-001', { groupId: open.groupId });
    expect(res.status).toBe(201);
    expect(res.body.commit.group).toMatchObject({ status: 'filled', committed: 3 });
    expect(await joined()).toBeNull();
    const late = await server.visitor('Late');
    const refused = await commit(late.token, 'who-late-001', { groupId: open.groupId });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'group_buy_rejected', message: 'this group is already full' });
  });

  it('answers not_found for a product that does not exist', async () => {
    const res = await server.api().get(groupBuyJoinedPath('no-such-thing'));
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found' });
  });
});
