import type { ShippingAddress } from '../../shared/address.ts';
import type { Order } from '../../shared/api.ts';
import { localize } from '../../shared/i18nText.ts';
import { formatMoney } from '../../shared/money.ts';
import type { CatalogIndex } from '../domain/catalog.ts';
import type { Mail } from './mailer.ts';
import { type MailKey, mailText } from './mailText.ts';

/** Which mail an order gets: the receipt when it is paid, the refund notice when it is refunded. */
export type OrderMailKind = 'receipt' | 'refund';

/** The link in a mail that opens the app on this order (the server serves the app for `/?order=`). */
export function orderPageUrl(publicUrl: string, orderId: string): string {
  return `${publicUrl}/?order=${encodeURIComponent(orderId)}`;
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function addressLines(a: ShippingAddress): string[] {
  const region = 'state' in a ? a.state : '';
  if (a.country === 'CN' && 'province' in a) {
    return [a.name, `${a.province} ${a.city} ${a.district}`, a.line1, a.line2 ?? '', `${a.postalCode} · ${a.phone}`, 'CN'];
  }
  return [a.name, a.line1, a.line2 ?? '', [a.city, region, a.postalCode].filter(Boolean).join(' '), a.country];
}

/** One percent format per language (making an `Intl.NumberFormat` costs far more than using it). */
const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(intl: string): Intl.NumberFormat {
  let format = percentFormats.get(intl);
  if (!format) {
    format = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 3 });
    percentFormats.set(intl, format);
  }
  return format;
}

/**
 * The receipt (or refund notice) for an order, in the visitor's language, as text and HTML: the
 * lines, the totals (shipping, sales tax added or VAT included), the address, and a link to the
 * order page. Money is formatted with `Intl` for the language.
 */
export function orderMail(kind: OrderMailKind, order: Order, locale: string, catalog: CatalogIndex, publicUrl: string): Mail {
  const t = (key: MailKey, values?: Record<string, string>) => mailText(locale, key, values);
  const intl = locale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
  const money = (amount: number) => formatMoney({ amount, currency: order.currency }, intl);
  const percent = (bp: number) => percentFormat(intl).format(bp / 10_000);
  const lines = order.lines.map((l) => {
    const product = catalog.products.get(l.productId);
    const colourway = product?.colourways.find((c) => c.id === l.colourwayId);
    const name = product ? localize(product.name, intl) : l.productId;
    const detail = [colourway ? localize(colourway.name, intl) : l.colourwayId, t('size', { size: l.size })].join(' · ');
    return { label: `${l.quantity} × ${name} (${detail})`, amount: money(l.lineTotal) };
  });
  const totals = order.totals;
  const sums: [string, string][] = totals
    ? [
        [t('subtotal'), money(totals.subtotal)],
        [t('shipping'), totals.shipping === 0 ? t('shippingFree') : money(totals.shipping)],
        [t(totals.taxIncluded ? 'vatIncluded' : 'salesTax', { rate: percent(totals.taxRate) }), money(totals.tax)],
        [t('total'), money(totals.total)],
      ]
    : [[t('total'), money(order.total)]];
  const address = order.shipping ? addressLines(order.shipping.address).filter(Boolean) : [];
  const option = order.shipping ? t(`option_${order.shipping.option}`) : '';
  const url = orderPageUrl(publicUrl, order.id);
  const subject = t(kind === 'receipt' ? 'receiptSubject' : 'refundSubject', { number: order.number });
  const intro = t(kind === 'receipt' ? 'receiptIntro' : 'refundIntro', { total: money(order.total) });

  const text = [
    intro,
    '',
    `${t('order')} ${order.number}`,
    ...lines.map((l) => `${l.label}  ${l.amount}`),
    '',
    ...sums.map(([label, value]) => `${label}: ${value}`),
    ...(address.length ? ['', `${t('shipTo')} (${option}):`, ...address] : []),
    '',
    `${t('viewOrder')}: ${url}`,
  ].join('\n');

  const row = (label: string, value: string, strong = false) =>
    `<tr><td>${strong ? '<strong>' : ''}${escapeHtml(label)}${strong ? '</strong>' : ''}</td><td style="text-align:right">${escapeHtml(value)}</td></tr>`;
  const html = [
    `<!doctype html><html lang="${intl}"><body style="font-family:sans-serif">`,
    `<p>${escapeHtml(intro)}</p>`,
    `<h2>${escapeHtml(`${t('order')} ${order.number}`)}</h2>`,
    '<table>',
    ...lines.map((l) => row(l.label, l.amount)),
    ...sums.map(([label, value], i) => row(label, value, i === sums.length - 1)),
    '</table>',
    ...(address.length
      ? [`<h3>${escapeHtml(`${t('shipTo')} (${option})`)}</h3>`, `<p>${address.map(escapeHtml).join('<br>')}</p>`]
      : []),
    `<p><a href="${escapeHtml(url)}">${escapeHtml(t('viewOrder'))}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { to: order.email ?? '', subject, text, html };
}
