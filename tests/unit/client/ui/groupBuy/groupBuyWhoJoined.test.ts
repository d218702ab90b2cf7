import { describe, expect, it } from 'vitest';
import type { GroupBuyJoined } from '../../../../../shared/groupBuy.ts';
import { joinedLine, myGroupState, offersJoin } from '../../../../../client/ui/groupBuy/groupBuyLogic.ts';
import { groupBuyShareUrl, sharedGroupBuy } from '../../../../../client/net/groupBuyLink.ts';
import en from '../../../../../client/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };

const group = (over: Partial<GroupBuyJoined>): GroupBuyJoined => ({
  groupId: 'g1',
  committed: 0,
  size: 5,
  you: false,
  squadMates: [],
  others: 0,
  ...over,
});

describe('group buy: who joined, and the share link', () => {
  it('names squad mates as a list in the visitor’s language and counts everyone else', () => {
    expect(joinedLine(group({ committed: 3, squadMates: [{ name: 'Ada' }, { name: 'Bo' }], others: 1 }), 'en')).toEqual({
      key: 'groupBuy.joined.matesAndOthers',
      params: { names: 'Ada and Bo', count: 1 },
    });
    expect(joinedLine(group({ committed: 3, squadMates: [{ name: 'Ada' }, { name: 'Bo' }, { name: 'Cy' }] }), 'zh-CN')).toEqual({
      key: 'groupBuy.joined.mates',
      params: { names: 'Ada、Bo和Cy' },
    });
    expect(joinedLine(group({ committed: 4, you: true, others: 3 }), 'en')).toEqual({
      key: 'groupBuy.joined.others',
      params: { count: 3 },
    });
    expect(joinedLine(group({ committed: 1, you: true }), 'en')).toEqual({ key: 'groupBuy.joined.justYou', params: {} });
    expect(joinedLine(group({}), 'en')).toBeNull();
    expect(joinedLine(null, 'en')).toBeNull();
  });

  it('has every who-joined line in English and Chinese', () => {
    const keys = ['mates', 'matesAndOthers_other', 'others_other', 'justYou'] as const;
    for (const k of keys) {
      expect(en.groupBuy.joined[k]).toBeTruthy();
      expect(zh.groupBuy.joined[k]).toBeTruthy();
    }
  });

  it('offers no Join while waiting in a group, nor right after the group filled', () => {
    expect(offersJoin('none')).toBe(true);
    expect(offersJoin('expired')).toBe(true);
    expect(offersJoin('declined')).toBe(true);
    expect(offersJoin('in')).toBe(false);
    // "Group filled: your order is placed" — and no Join button under it.
    const filled = myGroupState({
      productId: 'p',
      colourwayId: 'white',
      size: '42',
      groupId: 'g1',
      currency: 'USD',
      unitPrice: 7900,
      status: 'ordered',
      orderId: 'o1',
      orderStatus: 'paid',
      group: { groupId: 'g1', productId: 'p', status: 'filled', committed: 5, size: 5, endsAt: 1 },
    });
    expect(filled).toBe('ordered');
    expect(offersJoin(filled)).toBe(false);
  });

  it('shares a link that opens the product’s group buy, and reads it back', () => {
    const url = groupBuyShareUrl('https://shop.example/?squad=K7QX4M&e2e#x', 'fastbreak-low');
    expect(url).toBe('https://shop.example/?groupBuy=fastbreak-low');
    expect(sharedGroupBuy(new URL(url).search)).toBe('fastbreak-low');
    expect(sharedGroupBuy('?groupBuy=')).toBeNull();
    expect(sharedGroupBuy('?groupBuy=%3Cscript%3E')).toBeNull();
    expect(sharedGroupBuy('?squad=K7QX4M')).toBeNull();
  });
});
