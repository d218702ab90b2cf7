import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDEMPOTENCY_HEADER } from '../../../../shared/api.ts';
import type { CardDetails } from '../../../../shared/demoPay.ts';
import { groupBuyCommitsPath, type MyGroupBuyCommit } from '../../../../shared/groupBuy.ts';
import { createCardTokens } from '../../../../client/net/cardTokens.ts';
import { createGroupBuys } from '../../../../client/net/groupBuyActions.ts';
import { createRoomDoor } from '../../../../client/net/roomDoor.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { type FakeAnswer, fakeFetch } from '../support/fakeFetch.ts';

const visa: CardDetails = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2031, cvc: '123' };
const commit: MyGroupBuyCommit = {
  productId: 'fastbreak-low',
  colourwayId: 'white',
  size: '42',
  groupId: 'gb_1',
  currency: 'USD',
  unitPrice: 7900,
  status: 'committed',
  orderId: null,
  orderStatus: null,
  group: { groupId: 'gb_1', productId: 'fastbreak-low', status: 'open', committed: 1, size: 5, endsAt: 1_800_000_000_000 },
};
const busy = (status: number, code: string): FakeAnswer => ({
  status,
  body: { error: { code, message: code } },
  headers: { 'Retry-After': '2' },
});

function groupBuys() {
  const store = createAppStore();
  store.getState().setSession('visitor-token', {
    id: 'v1',
    name: 'Ada',
    color: '#3366ff',
    role: 'visitor',
    locale: 'en',
    currency: 'USD',
  });
  const waits: number[] = [];
  let tokens = 0;
  const cardTokens = createCardTokens(async (card) => ({
    id: `pm_${++tokens}`,
    brand: 'visa',
    last4: card.number.slice(-4),
    expMonth: card.expMonth,
    expYear: card.expYear,
  }));
  const actions = createGroupBuys(
    createRoomDoor(() => {}),
    store,
    cardTokens,
    async (ms) => void waits.push(ms),
  );
  return { store, actions, waits };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('joining a group buy', () => {
  it.each([
    ['409 idempotency_in_progress', busy(409, 'idempotency_in_progress')],
    ['503 unavailable (the server is restarting)', busy(503, 'unavailable')],
  ])('after %s, sends the same commit with the same key and card token again once Retry-After has passed', async (_, first) => {
    const { sent } = fakeFetch((_, i) => (i === 0 ? first : { status: 201, body: { commit } }));
    const { store, actions, waits } = groupBuys();
    await actions.join({
      productId: 'fastbreak-low',
      colourwayId: 'white',
      size: '42',
      card: visa,
      idempotencyKey: 'gb-key-0001',
    });
    expect(sent.map((r) => r.url)).toEqual([groupBuyCommitsPath('fastbreak-low'), groupBuyCommitsPath('fastbreak-low')]);
    expect(sent.map((r) => r.headers[IDEMPOTENCY_HEADER])).toEqual(['gb-key-0001', 'gb-key-0001']);
    expect(sent[1]!.body).toEqual(sent[0]!.body);
    expect(waits).toEqual([2000]);
    expect(store.getState().myGroupBuys).toEqual([commit]);
  });

  it('does not send again after a refusal that will not change (409 group_buy_rejected)', async () => {
    const { sent } = fakeFetch(() => ({ status: 409, body: { error: { code: 'group_buy_rejected', message: 'full' } } }));
    const { actions, waits } = groupBuys();
    await expect(
      actions.join({ productId: 'fastbreak-low', colourwayId: 'white', size: '42', card: visa, idempotencyKey: 'gb-key-0002' }),
    ).rejects.toMatchObject({ code: 'group_buy_rejected' });
    expect(sent).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});
