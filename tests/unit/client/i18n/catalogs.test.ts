import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { CATEGORIES } from '../../../../shared/catalog.ts';
import { CURRENCIES } from '../../../../shared/money.ts';
import { LOCALES } from '../../../../shared/i18nText.ts';
import { ErrorCode } from '../../../../shared/protocol.ts';
import { OrderStatus } from '../../../../shared/api.ts';
import { DEMO_CARDS } from '../../../../shared/demoPay.ts';
import { CARD_PROBLEMS } from '../../../../client/ui/checkout/cardForm.ts';
import { resources } from '../../../../client/i18n/i18n.ts';
import en from '../../../../client/i18n/locales/en.json' with { type: 'json' };
import zhCN from '../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };

type Tree = { [key: string]: string | Tree };

/** Every leaf key of a catalog as `a.b.c`, with its value. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of leaves(v, key)) out.set(kk, vv);
  }
  return out;
}

const enKeys = leaves(en as Tree);
const zhKeys = leaves(zhCN as Tree);
/** A key as `t()` is called with it: plural keys are stored with `_one`/`_other`. */
const hasKey = (keys: Map<string, string>, key: string) => keys.has(key) || keys.has(`${key}_other`);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe('message catalogs', () => {
  it('have exactly the same keys in English and Simplified Chinese', () => {
    expect([...zhKeys.keys()].sort()).toEqual([...enKeys.keys()].sort());
  });

  it('have no empty values', () => {
    for (const [key, value] of [...enKeys, ...zhKeys]) expect(value.trim(), key).not.toBe('');
  });

  it('keep interpolation placeholders the same in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of enKeys) expect(vars(zhKeys.get(key) ?? ''), key).toEqual(vars(value));
  });

  it('translate the Chinese catalog into Chinese, not a copy of the English', () => {
    const copied = [...enKeys].filter(([key, value]) => zhKeys.get(key) === value && !key.startsWith('language.'));
    expect(copied.map(([k]) => k)).toEqual([]);
  });

  it('name every category, currency, language, order status, error code, card problem and test card', () => {
    const families = [
      ...CATEGORIES.map((c) => `category.${c}`),
      ...CURRENCIES.map((c) => `currency.${c}`),
      ...LOCALES.map((l) => `language.${l}`),
      ...OrderStatus.options.map((s) => `orders.status.${s}`),
      ...CARD_PROBLEMS.map((p) => `checkout.cardProblem.${p}`),
      ...Object.values(DEMO_CARDS).map((c) => `checkout.testCard.${c.outcome}`),
      ...['offline', 'connecting', 'online', 'lost'].map((s) => `hud.status.${s}`),
      ...Object.values(ErrorCode).map((c) => `errors.${c}`),
      'errors.network',
      'errors.bad_response',
    ];
    for (const key of families) expect(hasKey(enKeys, key), key).toBe(true);
  });

  it('contain every literal key the client passes to t() or to a notice', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('client'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/key: '([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !hasKey(enKeys, k));
    expect(missing).toEqual([]);
  });

  it('pluralise and interpolate the way the product card shows stock', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
    expect(i18n.t('product.stock.left', { count: 3 })).toBe('3 left');
    expect(i18n.t('hud.cartCount', { count: 1 })).toBe('Cart, 1 item');
    expect(i18n.t('hud.cartCount', { count: 2 })).toBe('Cart, 2 items');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('product.stock.left', { count: 3 })).toBe('仅剩 3 件');
    expect(i18n.t('category.shoes')).toBe('篮球鞋');
  });
});
