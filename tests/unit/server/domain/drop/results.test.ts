import { describe, expect, it } from 'vitest';
import { drawnResult, type DropMemory } from '../../../../../server/domain/drop/results.ts';

const drop = (nextOffer: number): DropMemory => ({
  row: {
    eventId: 'launch',
    sku: 'ball:tan:7',
    units: 2,
    prices: { USD: 100 },
    entryWindowMs: 60_000,
    holdMs: 300_000,
    lineLength: 2,
    status: 'drawn',
    closesAt: 0,
    drawnUnits: 2,
    nextOffer,
    drawOrder: ['a', 'b', 'c', 'd', 'e'],
  },
  places: new Map(['a', 'b', 'c', 'd', 'e'].map((v, i) => [v, i + 1])),
  holds: new Map([
    ['a', { id: 'launch:a', visitorId: 'a', status: 'held', expiresAt: 1_000 }],
    ['b', { id: 'launch:b', visitorId: 'b', status: 'bought', expiresAt: 1_000 }],
  ]),
});

describe('a drawn drop answers each visitor', () => {
  it('won with the hold expiry, bought, waiting by place in line, lost past the line, none when not entered', () => {
    const d = drop(3);
    expect(drawnResult(d, 'a', 500)).toEqual({ kind: 'won', holdExpiresAt: 1_000 });
    expect(drawnResult(d, 'b', 500)).toEqual({ kind: 'bought' });
    expect(drawnResult(d, 'c', 500)).toEqual({ kind: 'waiting', position: 1 });
    expect(drawnResult(d, 'd', 500)).toEqual({ kind: 'waiting', position: 2 });
    expect(drawnResult(d, 'e', 500)).toEqual({ kind: 'lost' });
    expect(drawnResult(d, 'zed', 500)).toEqual({ kind: 'none' });
  });

  it('a hold past its expiry is lost; the line moves up as holds pass on', () => {
    const d = drop(4);
    d.holds.set('c', { id: 'launch:c', visitorId: 'c', status: 'held', expiresAt: 2_000 });
    expect(drawnResult(d, 'a', 1_000)).toEqual({ kind: 'lost' });
    expect(drawnResult(d, 'c', 1_000)).toEqual({ kind: 'won', holdExpiresAt: 2_000 });
    expect(drawnResult(d, 'd', 1_000)).toEqual({ kind: 'waiting', position: 1 });
  });
});
