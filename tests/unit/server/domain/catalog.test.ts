import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../../shared/catalog.ts';
import { indexCatalog, initialStock, loadSeedFile, unitPrice } from '../../../../server/domain/catalog.ts';

const file = path.resolve(import.meta.dirname, '../../../../server/db/seed/catalog.json');

describe('catalog seed', () => {
  const seed = loadSeedFile(file);

  it('has at least 16 products in the 4 categories', () => {
    expect(seed.products.length).toBeGreaterThanOrEqual(16);
    expect(new Set(seed.products.map((p) => p.category))).toEqual(new Set(CATEGORIES));
  });

  it('starts every SKU at the default stock except the overrides', () => {
    const stock = initialStock(seed);
    expect(stock.get('court-runner-2:red:42')?.stock).toBe(3);
    expect(stock.get('court-runner-2:red:40')?.stock).toBe(seed.stock.default);
  });

  it('prices per currency from the catalog', () => {
    const index = indexCatalog(seed);
    const ref = { productId: 'court-runner-2', colourwayId: 'red', size: '42' };
    expect(unitPrice(index, ref, 'USD')).toBe(12900);
    expect(unitPrice(index, ref, 'CNY')).toBe(89900);
    expect(unitPrice(index, ref, 'EUR')).toBe(11900);
    expect(unitPrice(index, { ...ref, size: '12' }, 'USD')).toBeUndefined();
  });

  it('rejects a malformed file with a readable message', () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'courtside-cat-')), 'catalog.json');
    const raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    raw.stock.overrides['no-such:sku:1'] = 4;
    fs.writeFileSync(bad, JSON.stringify(raw));
    expect(() => loadSeedFile(bad)).toThrow(/unknown SKU no-such:sku:1/);
    raw.products[0].prices.USD = -5;
    fs.writeFileSync(bad, JSON.stringify(raw));
    expect(() => loadSeedFile(bad)).toThrow(/invalid catalog file/);
  });
});
