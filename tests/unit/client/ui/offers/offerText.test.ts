import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { resources } from '../../../../../client/i18n/i18n.ts';
import { cardOffers, offerLines, priceText, type Translate } from '../../../../../client/ui/offers/offerText.ts';
import type { ShownOffer } from '../../../../../client/state/offersSlice.ts';
import { catalog } from '../../support/catalog.ts';

let en: Translate;
let zh: Translate;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  en = (key, params) => i18n.getFixedT('en')(key, params ?? {});
  zh = (key, params) => i18n.getFixedT('zh-CN')(key, params ?? {});
});

const now = Date.parse('2026-12-07T12:00:00.000Z');
const offer = (fields: Partial<ShownOffer> = {}): ShownOffer => ({
  id: 'of_1',
  eventId: 'court-runner-3',
  percentOff: 15,
  category: 'accessories',
  productIds: ['headband', 'wristbands', 'crew-socks', 'water-bottle'],
  startsAtMs: now,
  endsAtMs: now + 600_000,
  ...fields,
});

describe('offerLines', () => {
  it('says what is off and counts down to the end, in English and Chinese', () => {
    expect(offerLines(offer(), catalog, 'en', en, now + 1_000)).toEqual({
      headline: '15 % off Accessories',
      endsIn: 'ends in 09:59',
    });
    expect(offerLines(offer(), catalog, 'zh-CN', zh, now)).toEqual({ headline: '配件立减 15%', endsIn: '10:00 后结束' });
  });

  it('names a single product, or counts several', () => {
    expect(offerLines(offer({ category: '', productIds: ['crew-socks'] }), catalog, 'en', en, now).headline).toBe(
      '15 % off Elite Crew Socks',
    );
    expect(offerLines(offer({ category: '', productIds: ['crew-socks', 'headband'] }), catalog, 'en', en, now).headline).toBe(
      '15 % off 2 products',
    );
  });
});

describe('cardOffers', () => {
  it('shows running offers the visitor has not closed', () => {
    const offers = [offer(), offer({ id: 'of_2' }), offer({ id: 'of_3', endsAtMs: now })];
    expect(cardOffers(offers, ['of_2'], now).map((o) => o.id)).toEqual(['of_1']);
  });
});

describe('priceText', () => {
  it('formats a special price with the struck regular price and its kind', () => {
    expect(priceText({ amount: 10965, regular: 12900, kind: 'offer', endsAtMs: 1 }, 'CNY', 'zh-CN', zh)).toEqual({
      price: '¥109.65',
      regular: '¥129.00',
      badge: '优惠价',
      kind: 'offer',
    });
    expect(priceText({ amount: 12900 }, 'USD', 'en', en)).toEqual({ price: '$129.00', regular: null, badge: null, kind: null });
    expect(priceText(undefined, 'USD', 'en', en).price).toBe('');
  });
});
