import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../../shared/catalog.ts';
import { loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { groupDealProblem, groupWindowMs } from '../../../../../server/domain/groupBuy/deal.ts';

const seedFile = path.resolve(import.meta.dirname, '../../../../../server/db/seed/catalog.json');
const seed = loadSeedFile(seedFile);
const shoe = seed.products.find((p) => p.id === 'fastbreak-low') as Product;

describe('groupDealProblem', () => {
  it('accepts the seed catalog deals: a shoe for 5 and a ball for 3', () => {
    expect(shoe.groupBuy).toMatchObject({ size: 5, windowMinutes: 30 });
    expect(seed.products.find((p) => p.id === 'mini-ball')?.groupBuy?.size).toBe(3);
    expect(seed.products.map(groupDealProblem).filter(Boolean)).toEqual([]);
  });

  it('rejects a group price at or above the regular price, and a deal without prices', () => {
    const priced = (prices: NonNullable<Product['groupBuy']>['prices']) => ({
      ...shoe,
      groupBuy: { size: 5, windowMinutes: 30, prices },
    });
    expect(groupDealProblem(priced({ USD: shoe.prices.USD }))).toMatch(
      /group price 9900 USD is not below the regular price 9900/,
    );
    expect(groupDealProblem(priced({ USD: 100, EUR: shoe.prices.EUR + 1 }))).toMatch(/EUR is not below/);
    expect(groupDealProblem(priced({}))).toMatch(/has no price/);
    expect(groupDealProblem(priced({ CNY: 100 }))).toBeUndefined();
  });

  it('rejects a group price in a currency the product has no price in', () => {
    const odd = {
      ...shoe,
      prices: { USD: 9900 } as Product['prices'],
      groupBuy: { size: 2, windowMinutes: 5, prices: { EUR: 100 } },
    };
    expect(groupDealProblem(odd)).toMatch(/EUR, a currency the product has no price in/);
  });

  it('stops the catalog loader with the product named', () => {
    const raw = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
    raw.products.find((p: { id: string }) => p.id === 'fastbreak-low').groupBuy.prices.USD = 20000;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-')), 'catalog.json');
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => loadSeedFile(file)).toThrow(/product fastbreak-low: group price 20000 USD is not below/);
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});

describe('groupWindowMs', () => {
  it("uses the deal's minutes unless the server overrides them", () => {
    const deal = { size: 5, windowMinutes: 30, prices: {} };
    expect(groupWindowMs(deal, undefined)).toBe(30 * 60_000);
    expect(groupWindowMs(deal, 1500)).toBe(1500);
  });
});
