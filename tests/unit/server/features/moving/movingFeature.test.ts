import { describe, expect, it } from 'vitest';
import { movingFeature } from '../../../../../server/features/moving/movingFeature.ts';
import { createDrain } from '../../../../../server/ops/drain.ts';
import type { ArenaClient, RoomParts } from '../../../../../server/room/feature.ts';
import { MSG, Moving } from '../../../../../shared/protocol.ts';
import type { Player } from '../../../../../shared/state.ts';

/** A client that keeps what it was sent. */
function client(sessionId: string) {
  const sent: Array<{ type: string; payload: unknown }> = [];
  return { sessionId, sent, send: (type: string, payload: unknown) => void sent.push({ type, payload }) };
}

function shard(clients: ReturnType<typeof client>[]) {
  const drain = createDrain();
  const hooks = movingFeature({ clients, deps: { drain } } as unknown as RoomParts);
  hooks.onCreate?.();
  return { drain, hooks };
}

const movesOf = (c: ReturnType<typeof client>) => c.sent.filter((m) => m.type === MSG.moving).map((m) => Moving.parse(m.payload));

describe('the moving feature', () => {
  it('tells every visitor of the shard to move when the drain starts, once, and nothing before', () => {
    const ann = client('a');
    const ben = client('b');
    const { drain } = shard([ann, ben]);
    expect(movesOf(ann)).toEqual([]);
    drain.start();
    drain.start();
    expect(movesOf(ann)).toEqual([{ reason: 'drain', spreadMs: 2000 }]);
    expect(movesOf(ben)).toHaveLength(1);
  });

  it('tells a visitor seated during the drain (a seat reserved just before it) on joining', () => {
    const { drain, hooks } = shard([]);
    const early = client('early');
    hooks.onJoin?.(early as unknown as ArenaClient, {} as Player, 0);
    expect(movesOf(early)).toEqual([]);
    drain.start();
    const late = client('late');
    hooks.onJoin?.(late as unknown as ArenaClient, {} as Player, 0);
    expect(movesOf(late)).toHaveLength(1);
  });

  it('a disposed shard no longer listens to the drain', () => {
    const ann = client('a');
    const { drain, hooks } = shard([ann]);
    hooks.onDispose?.();
    drain.start();
    expect(movesOf(ann)).toEqual([]);
  });
});
