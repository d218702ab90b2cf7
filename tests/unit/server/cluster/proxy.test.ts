import { describe, expect, it } from 'vitest';
import { ownerOnly, stickyProcess } from '../../../../server/cluster/proxy.ts';
import { boardPrice } from '../../../../server/venue/checkoutVenue.ts';

const processes = (n: number) => Array.from({ length: n }, (_, i) => ({ processId: `p${i}`, url: `http://10.0.0.${i}:2567` }));
const visitors = Array.from({ length: 2000 }, (_, i) => `Bearer visitor-${i}`);

describe('the proxy sends', () => {
  it("the venue singletons' API to the owner, everything else anywhere", () => {
    for (const path of ['/api/events', '/api/events/x/drop/entries', '/api/events/x/raffle', '/api/group-buys/p/commits']) {
      expect(ownerOnly(path), path).toBe(true);
    }
    for (const path of [
      '/',
      '/api/orders',
      '/api/checkout/quote',
      '/api/cart/lines',
      '/api/session',
      '/matchmake/joinOrCreate/arena',
    ]) {
      expect(ownerOnly(path), path).toBe(false);
    }
  });

  it('one visitor always to the same process, and visitors spread evenly over the processes', () => {
    const live = processes(4);
    expect(stickyProcess(live, visitors[7]!)).toEqual(stickyProcess([...live].reverse(), visitors[7]!));
    const counts = new Map<string, number>();
    for (const v of visitors)
      counts.set(stickyProcess(live, v)!.processId, (counts.get(stickyProcess(live, v)!.processId) ?? 0) + 1);
    expect(counts.size).toBe(4);
    for (const n of counts.values()) expect(Math.abs(n - 500)).toBeLessThan(100);
  });

  it('only the visitors of a process that leaves to another process', () => {
    const before = processes(4);
    const after = before.filter((p) => p.processId !== 'p2');
    for (const v of visitors) {
      const was = stickyProcess(before, v)!.processId;
      if (was !== 'p2') expect(stickyProcess(after, v)!.processId).toBe(was);
    }
    expect(stickyProcess([], 'anyone')).toBeUndefined();
  });
});

describe('boardPrice', () => {
  const board = {
    seq: 3,
    offers: [],
    prices: [
      {
        productId: 'shoe',
        currency: 'USD' as const,
        amount: 900,
        regular: 1000,
        kind: 'live' as const,
        endsAtMs: 5000,
        offerId: '',
      },
    ],
  };
  it('charges the special price heard until it ends, in its currency only', () => {
    expect(boardPrice(board, 'shoe', 'USD', 4999)).toBe(900);
    expect(boardPrice(board, 'shoe', 'USD', 5000)).toBeUndefined();
    expect(boardPrice(board, 'shoe', 'EUR', 0)).toBeUndefined();
    expect(boardPrice(board, 'ball', 'USD', 0)).toBeUndefined();
    expect(boardPrice(undefined, 'shoe', 'USD', 0)).toBeUndefined();
  });
});
