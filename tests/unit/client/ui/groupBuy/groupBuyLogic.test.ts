import { describe, expect, it } from 'vitest';
import { GROUP_BUY_REJECTION, type MyGroupBuyCommit } from '../../../../../shared/groupBuy.ts';
import { formatTimeLeft, groupBuyView, joinFailureKey, myGroupState } from '../../../../../client/ui/groupBuy/groupBuyLogic.ts';
import { CardRejectedError } from '../../../../../client/net/demoPay.ts';
import { ApiRequestError } from '../../../../../client/net/http.ts';
import { product } from '../../support/catalog.ts';

const shoe = product('fastbreak-low');
const mine = (over: Partial<MyGroupBuyCommit>): MyGroupBuyCommit => ({
  productId: shoe.id,
  colourwayId: 'white',
  size: '42',
  groupId: 'g1',
  currency: 'USD',
  unitPrice: 7900,
  status: 'committed',
  orderId: null,
  orderStatus: null,
  group: { groupId: 'g1', productId: shoe.id, status: 'open', committed: 1, size: 5, endsAt: 1 },
  ...over,
});

describe('groupBuyView', () => {
  it('is null for a product without a group deal', () => {
    expect(groupBuyView(product('court-runner-2'), 'USD', undefined, undefined)).toBeNull();
  });

  it("shows the deal's price and size before any group is open", () => {
    expect(groupBuyView(shoe, 'CNY', undefined, undefined)).toEqual({
      groupPrice: 55900,
      size: 5,
      committed: 0,
      ratio: 0,
      endsAt: null,
      mine: 'none',
    });
  });

  it('shows the open group: 3 of 5 until its end', () => {
    const view = groupBuyView(shoe, 'USD', { groupId: 'g1', committed: 3, size: 5, endsAt: 9000 }, mine({}));
    expect(view).toMatchObject({ groupPrice: 7900, committed: 3, size: 5, ratio: 0.6, endsAt: 9000, mine: 'in' });
  });
});

describe('myGroupState', () => {
  it('says in, ordered, declined at capture, or expired', () => {
    expect(myGroupState(undefined)).toBe('none');
    expect(myGroupState(mine({}))).toBe('in');
    expect(myGroupState(mine({ status: 'ordered', orderId: 'o', orderStatus: 'paid' }))).toBe('ordered');
    expect(myGroupState(mine({ status: 'ordered', orderId: 'o', orderStatus: 'authorizing' }))).toBe('ordered');
    expect(myGroupState(mine({ status: 'ordered', orderId: 'o', orderStatus: 'declined' }))).toBe('declined');
    expect(myGroupState(mine({ status: 'voided' }))).toBe('expired');
  });
});

describe('formatTimeLeft', () => {
  it('counts down in m:ss, h:mm:ss past an hour, never below zero', () => {
    expect(formatTimeLeft(29 * 60_000 + 5_000)).toBe('29:05');
    expect(formatTimeLeft(61 * 60_000)).toBe('1:01:00');
    expect(formatTimeLeft(400)).toBe('0:01');
    expect(formatTimeLeft(-5000)).toBe('0:00');
  });
});

describe('joinFailureKey', () => {
  const rejected = (message: string) => new ApiRequestError('group_buy_rejected', message, 409);
  it("maps the server's reasons to the visitor's language", () => {
    expect(joinFailureKey(rejected(GROUP_BUY_REJECTION.windowEnded))).toBe('groupBuy.reason.windowEnded');
    expect(joinFailureKey(rejected(GROUP_BUY_REJECTION.full))).toBe('groupBuy.reason.full');
    expect(joinFailureKey(rejected(GROUP_BUY_REJECTION.alreadyIn))).toBe('groupBuy.reason.alreadyIn');
    expect(joinFailureKey(rejected('something new'))).toBe('groupBuy.reason.rejected');
    expect(joinFailureKey(new ApiRequestError('payment_declined', 'x', 402))).toBe('groupBuy.reason.declined');
    expect(joinFailureKey(new ApiRequestError('out_of_stock', 'x', 409))).toBe('groupBuy.reason.soldOut');
    expect(joinFailureKey(new CardRejectedError('the card has expired'))).toBe('groupBuy.reason.cardRejected');
    expect(joinFailureKey(new Error('boom'))).toBe('groupBuy.reason.failed');
  });
});
