import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/api.ts';
import { indexCatalog, loadSeedFile } from '../../../../server/domain/catalog.ts';
import { orderMail } from '../../../../server/mail/receipt.ts';

const catalog = indexCatalog(loadSeedFile(path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json')));

const order: Order = {
  id: 'ord_abc',
  number: 'CS-ABC123',
  status: 'paid',
  currency: 'EUR',
  lines: [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 2, unitPrice: 11900, lineTotal: 23800 }],
  total: 23800,
  createdAt: '2026-12-07T10:00:00.000Z',
  email: 'max@example.de',
  shipping: {
    address: { country: 'DE', name: 'Max "Maxi" & Co', line1: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115' },
    option: 'standard',
  },
  totals: { subtotal: 23800, shipping: 0, tax: 3800, taxIncluded: true, taxRate: 1900, total: 23800 },
};

describe('the receipt', () => {
  it('lists the lines and the VAT included, in euros formatted for the language', () => {
    const mail = orderMail('receipt', order, 'en', catalog, 'https://shop.example');
    expect(mail.to).toBe('max@example.de');
    expect(mail.subject).toBe('Your Courtside order CS-ABC123');
    expect(mail.text).toContain('2 × Court Runner 2');
    expect(mail.text).toContain('Shipping: Free');
    expect(mail.text).toContain('Incl. VAT (19%): €38.00');
    expect(mail.text).toContain('Total: €238.00');
    expect(mail.text).toContain('See your order: https://shop.example/?order=ord_abc');
  });

  it('escapes what the buyer typed in the HTML', () => {
    const { html } = orderMail('receipt', order, 'en', catalog, 'https://shop.example');
    expect(html).toContain('Max &quot;Maxi&quot; &amp; Co');
    expect(html).not.toContain('"Maxi"');
  });

  it('speaks Chinese to a Chinese visitor, and words a refund as one', () => {
    const mail = orderMail('refund', order, 'zh-CN', catalog, 'https://shop.example');
    expect(mail.subject).toBe('您的 Courtside 订单 CS-ABC123 已退款');
    expect(mail.text).toContain('含增值税');
    expect(mail.text).toContain('查看订单: https://shop.example/?order=ord_abc');
  });
});
