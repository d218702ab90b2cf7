/**
 * The words of the store's emails in each language the store speaks (the client's strings live in
 * client/i18n; these go out by mail, so the server holds them). `{{x}}` is filled in.
 */
export const MAIL_TEXT = {
  en: {
    receiptSubject: 'Your Courtside order {{number}}',
    receiptIntro: 'Thank you for your order. It is paid and on its way to be packed.',
    refundSubject: 'Refund for your Courtside order {{number}}',
    refundIntro: 'Your order has been refunded: {{total}} goes back to your card, and the order is cancelled.',
    order: 'Order',
    subtotal: 'Subtotal',
    shipping: 'Shipping',
    shippingFree: 'Free',
    salesTax: 'Sales tax ({{rate}})',
    vatIncluded: 'Incl. VAT ({{rate}})',
    total: 'Total',
    shipTo: 'Ship to',
    option_standard: 'Standard delivery',
    option_express: 'Express delivery',
    size: 'Size {{size}}',
    viewOrder: 'See your order',
  },
  'zh-CN': {
    receiptSubject: '您的 Courtside 订单 {{number}}',
    receiptIntro: '感谢您的订购。订单已付款，正在准备发货。',
    refundSubject: '您的 Courtside 订单 {{number}} 已退款',
    refundIntro: '您的订单已退款：{{total}} 将退回您的银行卡，订单已取消。',
    order: '订单',
    subtotal: '小计',
    shipping: '运费',
    shippingFree: '免运费',
    salesTax: '销售税（{{rate}}）',
    vatIncluded: '含增值税（{{rate}}）',
    total: '合计',
    shipTo: '收货地址',
    option_standard: '标准配送',
    option_express: '快递配送',
    size: '尺码 {{size}}',
    viewOrder: '查看订单',
  },
} as const;

export type MailKey = keyof (typeof MAIL_TEXT)['en'];

/** A mail string in the visitor's language (English unless Chinese), with `{{name}}` filled in. */
export function mailText(locale: string, key: MailKey, values: Record<string, string> = {}): string {
  const table = locale.toLowerCase().startsWith('zh') ? MAIL_TEXT['zh-CN'] : MAIL_TEXT.en;
  return table[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
