import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DropView } from '../../../../shared/drop.ts';
import type { EventExtrasSnapshot } from '../../../../shared/eventExtras.ts';
import { ErrorCode } from '../../../../shared/protocol.ts';
import type { Database } from '../../../../server/db/schema.ts';
import { DomainError } from '../../../../server/domain/errors.ts';
import { createVenueEventExtras } from '../../../../server/venue/venueEventExtras.ts';

const view = (status: DropView['status']): DropView => ({
  eventId: 'launch-1',
  sku: { productId: 'pro-game-ball', colourwayId: 'tan', size: '7' },
  units: 1,
  prices: { USD: 1_234 },
  entryWindowMs: 60_000,
  holdMs: 300_000,
  lineLength: 1,
  status,
  closesAt: status === 'scheduled' ? null : 5,
  entrants: 0,
  drawnUnits: status === 'drawn' ? 1 : null,
  drawnAt: null,
  result: { kind: 'none' },
  serverTime: 1,
});
const noRaffle = async () => {
  throw new DomainError(ErrorCode.notFound, 'this event has no raffle');
};
const db = {} as Kysely<Database>;

describe("the venue's copy of each event's drop and raffle", () => {
  it('publishes changes in the order they happened, even when an earlier read answers later', async () => {
    const answers = [
      new Promise<DropView>((resolve) => setTimeout(() => resolve(view('open')), 30)),
      Promise.resolve(view('drawn')),
    ];
    const published: EventExtrasSnapshot[] = [];
    const extras = createVenueEventExtras({
      db,
      drops: { view: () => answers.shift()! },
      readRaffle: noRaffle,
      publish: (s) => published.push(s),
    });
    const first = extras.changed('launch-1');
    await extras.changed('launch-1');
    await first;
    expect(published.map((p) => [p.seq, p.extras[0]?.drop?.status])).toEqual([
      [1, 'open'],
      [2, 'drawn'],
    ]);
    expect(extras.snapshot()).toEqual(published[1]);
    expect(published[1]!.extras[0]).toMatchObject({
      eventId: 'launch-1',
      raffle: null,
      drop: { drawnUnits: 1, prices: { USD: 1_234 } },
    });
  });

  it('leaves out an event with neither, and a read that fails publishes nothing and throws nothing', async () => {
    const published: EventExtrasSnapshot[] = [];
    const extras = createVenueEventExtras({
      db,
      drops: {
        view: async (id) => {
          if (id === 'broken') throw new Error('database away');
          throw new DomainError(ErrorCode.notFound, `event ${id} has no drop`);
        },
      },
      readRaffle: noRaffle,
      publish: (s) => published.push(s),
    });
    await extras.changed('plain');
    await extras.changed('broken');
    expect(published).toEqual([{ seq: 1, extras: [] }]);
  });
});
