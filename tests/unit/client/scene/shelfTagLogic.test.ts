import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { resources } from '../../../../client/i18n/i18n.ts';
import { sameTag, shelfTag, type ShelfTagInput, type Translate } from '../../../../client/scene/shelfTagLogic.ts';
import { LOW_STOCK } from '../../../../client/state/stockLabel.ts';
import { product } from '../support/catalog.ts';

const shoe = product('court-runner-2');
const ball = product('street-ball');

let en: Translate;
let zh: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  const fixed =
    (t: TFunction): Translate =>
    (key, params) =>
      t(key, params);
  en = fixed(i18n.getFixedT('en'));
  zh = fixed(i18n.getFixedT('zh-CN'));
});

const input = (over: Partial<ShelfTagInput>): ShelfTagInput => ({
  product: shoe,
  stock: {},
  locale: 'en',
  currency: 'USD',
  ...over,
});

describe('shelfTag', () => {
  it('names and prices the product for an English visitor paying in dollars', () => {
    const tag = shelfTag(input({ stock: { 'court-runner-2:red:42': 40 } }), en);
    expect(tag).toEqual({ name: 'Court Runner 2', price: '$129.00', stock: 'In stock', tone: 'ok' });
  });

  it('says how many are left, summed over every size of the colourway, when few are', () => {
    const stock = { 'court-runner-2:red:40': 1, 'court-runner-2:red:42': 2, 'court-runner-2:black:42': 30 };
    expect(shelfTag(input({ stock }), en)).toMatchObject({ stock: '3 left', tone: 'low' });
    const atLine = { 'court-runner-2:red:41': LOW_STOCK };
    expect(shelfTag(input({ stock: atLine }), en)).toMatchObject({ stock: `${LOW_STOCK} left`, tone: 'low' });
    const aboveLine = { 'court-runner-2:red:41': LOW_STOCK, 'court-runner-2:red:46': 1 };
    expect(shelfTag(input({ stock: aboveLine }), en)).toMatchObject({ stock: 'In stock', tone: 'ok' });
  });

  it('says "Sold out" when every size of the colourway is gone, or the server never listed it', () => {
    const stock = { 'court-runner-2:red:40': 0, 'court-runner-2:red:42': 0, 'court-runner-2:white:42': 12 };
    expect(shelfTag(input({ stock }), en)).toMatchObject({ stock: 'Sold out', tone: 'out' });
    expect(shelfTag(input({ stock: {} }), en)).toMatchObject({ stock: 'Sold out', tone: 'out' });
  });

  it('speaks Chinese and prices in yuan for a Chinese visitor', () => {
    const tag = shelfTag(input({ stock: { 'court-runner-2:red:42': 3 }, locale: 'zh-CN', currency: 'CNY' }), zh);
    expect(tag).toEqual({ name: '球场疾风 2', price: '¥899.00', stock: '仅剩 3 件', tone: 'low' });
    expect(shelfTag(input({ locale: 'zh-CN', currency: 'CNY' }), zh).stock).toBe('已售罄');
    expect(shelfTag(input({ stock: { 'court-runner-2:red:42': 9 }, locale: 'zh-CN', currency: 'EUR' }), zh).price).toBe(
      '€119.00',
    );
  });

  it("counts the visitor's chosen colourway, else the product's first one", () => {
    const stock = { 'street-ball:orange:7': 50, 'street-ball:black:7': 2, 'street-ball:blue:7': 0 };
    expect(shelfTag(input({ product: ball, stock }), en)).toMatchObject({ stock: 'In stock', tone: 'ok' });
    expect(shelfTag(input({ product: ball, stock, chosenColourwayId: 'black' }), en)).toMatchObject({
      stock: '2 left',
      tone: 'low',
    });
    expect(shelfTag(input({ product: ball, stock, chosenColourwayId: 'blue' }), en).tone).toBe('out');
    // A choice the product does not have (a stale saved choice) falls back to the first colourway.
    expect(shelfTag(input({ product: ball, stock, chosenColourwayId: 'gold' }), en).tone).toBe('ok');
  });
});

describe('sameTag', () => {
  it('tells a tag that needs redrawing from one that does not', () => {
    const a = shelfTag(input({ stock: { 'court-runner-2:red:42': 3 } }), en);
    expect(sameTag(a, shelfTag(input({ stock: { 'court-runner-2:red:42': 3, 'court-runner-2:black:40': 1 } }), en))).toBe(true);
    expect(sameTag(a, shelfTag(input({ stock: { 'court-runner-2:red:42': 2 } }), en))).toBe(false);
    expect(sameTag(a, shelfTag(input({ stock: { 'court-runner-2:red:42': 3 }, currency: 'EUR' }), en))).toBe(false);
    expect(sameTag(undefined, a)).toBe(false);
  });
});

describe('shelfTag group-buy badge', () => {
  it('says "Group 3/5" while a group is open, in the visitor\'s language, and nothing otherwise', () => {
    const groupBuy = { committed: 3, size: 5 };
    expect(shelfTag(input({ groupBuy }), en).group).toBe('Group 3/5');
    expect(shelfTag(input({ groupBuy, locale: 'zh-CN' }), zh).group).toBe('拼团 3/5');
    expect(shelfTag(input({}), en).group).toBeUndefined();
  });

  it('redraws only when the counts change', () => {
    const a = shelfTag(input({ groupBuy: { committed: 3, size: 5 } }), en);
    expect(sameTag(a, shelfTag(input({ groupBuy: { committed: 3, size: 5 } }), en))).toBe(true);
    expect(sameTag(a, shelfTag(input({ groupBuy: { committed: 4, size: 5 } }), en))).toBe(false);
    expect(sameTag(a, shelfTag(input({}), en))).toBe(false);
  });
});

describe('shelfTag with a special price', () => {
  const now = Date.parse('2026-12-07T12:00:00.000Z');

  it('shows the live price beside the struck regular price, in the visitor language', () => {
    const price = { amount: 10900, regular: 12900, kind: 'live' as const, endsAtMs: now + 600_000 };
    expect(shelfTag(input({ price, serverNowMs: now }), en)).toMatchObject({
      price: '$109.00',
      regular: '$129.00',
      special: 'Live price',
    });
    expect(shelfTag(input({ price, serverNowMs: now, locale: 'zh-CN' }), zh).special).toBe('直播价');
  });

  it("counts an offer down to its end on the server's clock", () => {
    const price = { amount: 1530, regular: 1800, kind: 'offer' as const, endsAtMs: now + 599_500 };
    const socks = product('crew-socks');
    const tag = shelfTag(input({ product: socks, price, serverNowMs: now }), en);
    expect(tag).toMatchObject({ price: '$15.30', regular: '$18.00', special: 'Offer · 10:00' });
    const later = shelfTag(input({ product: socks, price, serverNowMs: now + 60_000 }), en);
    expect(later.special).toBe('Offer · 09:00');
    expect(sameTag(tag, later)).toBe(false);
  });

  it('shows the regular price alone when no special price holds', () => {
    const tag = shelfTag(input({ price: { amount: 12900 }, serverNowMs: now }), en);
    expect(tag.price).toBe('$129.00');
    expect(tag.regular).toBeUndefined();
    expect(tag.special).toBeUndefined();
  });
});
