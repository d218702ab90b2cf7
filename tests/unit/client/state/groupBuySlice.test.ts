import { describe, expect, it } from 'vitest';
import type { MyGroupBuyCommit } from '../../../../shared/groupBuy.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { isWaitingOn, myCommitFor } from '../../../../client/state/groupBuySlice.ts';

const commit = (groupId: string, productId: string, status: MyGroupBuyCommit['status'] = 'committed'): MyGroupBuyCommit => ({
  productId,
  colourwayId: 'white',
  size: '42',
  groupId,
  currency: 'USD',
  unitPrice: 7900,
  status,
  orderId: null,
  orderStatus: null,
  group: { groupId, productId, status: 'open', committed: 1, size: 5, endsAt: 1 },
});

describe('group-buy slice', () => {
  it('holds the open groups as the room or the API last gave them', () => {
    const store = createAppStore();
    expect(store.getState().groupBuys).toEqual({});
    const groups = { 'fastbreak-low': { groupId: 'g1', committed: 3, size: 5, endsAt: 1000 } };
    store.getState().setGroupBuys(groups);
    expect(store.getState().groupBuys).toBe(groups);
  });

  it("puts the server's answer to a commit first, replacing that group's older copy", () => {
    const store = createAppStore();
    store.getState().setMyGroupBuys([commit('g1', 'fastbreak-low'), commit('g0', 'mini-ball', 'voided')]);
    store.getState().addMyGroupBuy({ ...commit('g1', 'fastbreak-low', 'ordered'), orderId: 'ord_1', orderStatus: 'paid' });
    expect(store.getState().myGroupBuys.map((c) => [c.groupId, c.status])).toEqual([
      ['g1', 'ordered'],
      ['g0', 'voided'],
    ]);
  });

  it("finds the visitor's newest commit for a product and whether they wait on a group", () => {
    const commits = [commit('g2', 'mini-ball'), commit('g1', 'mini-ball', 'voided'), commit('g3', 'fastbreak-low', 'ordered')];
    expect(myCommitFor(commits, 'mini-ball')?.groupId).toBe('g2');
    expect(myCommitFor(commits, 'court-runner-2')).toBeUndefined();
    expect(isWaitingOn(commits, 'g2')).toBe(true);
    expect(isWaitingOn(commits, 'g1')).toBe(false);
    expect(isWaitingOn(commits, 'g3')).toBe(false);
  });
});
