import { describe, expect, it } from 'vitest';
import {
  CartLine,
  CartLineUpdate,
  IdempotencyKey,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
  OrderRequest,
  SessionRequest,
} from '../../../shared/api.ts';
import { CONTACT } from '../../support/contact.ts';

const sku = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
const order = {
  currency: 'USD',
  cartVersion: 3,
  payment: { method: 'card', paymentMethod: 'pm_card_visa' },
  ...CONTACT,
};

describe('SessionRequest', () => {
  it('accepts a profile and trims the name', () => {
    expect(SessionRequest.parse({ name: '  Mei ', color: '#A0b0C0', locale: 'zh-CN', currency: 'CNY' }).name).toBe('Mei');
  });
  it.each([
    { name: 'x'.repeat(25), color: '#000000', locale: 'en', currency: 'USD' },
    { name: 'a<b', color: '#000000', locale: 'en', currency: 'USD' },
    { name: 'ok', color: '#0000', locale: 'en', currency: 'USD' },
    { name: 'ok', color: '#000000', locale: 'de', currency: 'USD' },
    { name: 'ok', color: '#000000', locale: 'en', currency: 'USD', role: 'host' },
  ])('rejects %j', (body) => {
    expect(SessionRequest.safeParse(body).success).toBe(false);
  });
  it('rejects angle brackets and control characters (U+0000–U+001F) in names, and nothing else', () => {
    const named = (name: string) => SessionRequest.safeParse({ name, color: '#000000', locale: 'en', currency: 'USD' }).success;
    for (const bad of ['a>b', 'a\u0000b', 'tab\there', 'new\nline', 'a\u001fb', '   '])
      expect(named(bad), JSON.stringify(bad)).toBe(false);
    for (const ok of ['Zoë', 'Mei 梅', 'a\u007fb', 'a & b', '🏀 fan']) expect(named(ok), JSON.stringify(ok)).toBe(true);
  });
});

describe('cart and order bodies', () => {
  it('bounds line quantities', () => {
    expect(CartLine.safeParse({ ...sku, quantity: MAX_LINE_QUANTITY }).success).toBe(true);
    expect(CartLine.safeParse({ ...sku, quantity: 0 }).success).toBe(false);
    expect(CartLine.safeParse({ ...sku, quantity: MAX_LINE_QUANTITY + 1 }).success).toBe(false);
    expect(CartLineUpdate.safeParse({ ...sku, quantity: 0 }).success).toBe(true);
    expect(CartLineUpdate.safeParse({ ...sku, quantity: -1 }).success).toBe(false);
  });

  it('never accepts a price from the client', () => {
    expect(CartLine.safeParse({ ...sku, quantity: 1, price: 1 }).success).toBe(false);
    expect(OrderRequest.safeParse({ ...order, total: 1 }).success).toBe(false);
    expect(OrderRequest.safeParse({ ...order, lines: [{ ...sku, quantity: 1, unitPrice: 1 }] }).success).toBe(false);
  });

  it('takes a payment method token and never a card number', () => {
    expect(OrderRequest.parse(order).payment.paymentMethod).toBe('pm_card_visa');
    expect(OrderRequest.safeParse({ ...order, payment: { method: 'card', cardNumber: '4242424242424242' } }).success).toBe(false);
    expect(
      OrderRequest.safeParse({ ...order, payment: { method: 'card', paymentMethod: 'pm_x', cardNumber: '4242424242424242' } })
        .success,
    ).toBe(false);
    expect(OrderRequest.safeParse({ ...order, payment: { method: 'card', paymentMethod: '4242424242424242' } }).success).toBe(
      false,
    );
    expect(OrderRequest.safeParse({ ...order, payment: { method: 'cash', paymentMethod: 'pm_card_visa' } }).success).toBe(false);
  });

  it('needs the receipt email and a shipping address with an option', () => {
    const { email: _, ...noEmail } = order;
    const { shipping: __, ...noShipping } = order;
    expect(OrderRequest.safeParse(noEmail).success).toBe(false);
    expect(OrderRequest.safeParse(noShipping).success).toBe(false);
    expect(OrderRequest.safeParse({ ...order, shipping: { ...order.shipping, option: 'drone' } }).success).toBe(false);
  });

  it('needs between 1 and MAX_CART_LINES lines and a known currency', () => {
    expect(OrderRequest.safeParse({ ...order, lines: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_CART_LINES + 1 }, () => ({ ...sku, quantity: 1 }));
    expect(OrderRequest.safeParse({ ...order, lines: many }).success).toBe(false);
    expect(OrderRequest.safeParse({ ...order, currency: 'JPY' }).success).toBe(false);
  });

  it('checks Idempotency-Key shape', () => {
    expect(IdempotencyKey.safeParse('0b7c4e1a-2f7d-4b7e-9a41-3f7f0c2d9e11').success).toBe(true);
    expect(IdempotencyKey.safeParse('short').success).toBe(false);
    expect(IdempotencyKey.safeParse('has spaces in it').success).toBe(false);
  });
});
