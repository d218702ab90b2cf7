import { LocalPresence, type Presence } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import type { SquadRecord } from '../../../../../server/domain/squads.ts';
import { createSquadRelay, type SquadClient, type SquadNote } from '../../../../../server/features/squads/squadRelay.ts';
import { createLogger } from '../../../../../server/ops/logger.ts';
import { CHANNEL } from '../../../../../server/venue/channels.ts';
import { until } from '../../../../integration/support/until.ts';

const squad: SquadRecord = {
  id: 'S1',
  code: 'ABCDEF',
  members: [{ visitorId: 'v1', memberId: 'm1', name: 'Ann', color: '#ff0000', lines: [] }],
};

/** One shard with the given visitors, its squad reads counted. */
function shard(presence: Presence, visitors: Array<{ id: string; squad?: string }>) {
  const received: Array<{ to: string; type: string }> = [];
  const clients: SquadClient[] = visitors.map((v) => ({
    sessionId: `s-${v.id}`,
    auth: { id: v.id, name: v.id, color: '#000000', role: 'visitor', locale: 'en', currency: 'USD' },
    send: (type: string) => received.push({ to: v.id, type }),
  }));
  const players = new Map(visitors.map((v) => [`s-${v.id}`, { squad: v.squad ?? '', name: v.id }]));
  let reads = 0;
  const reader = {
    read: async (id: string) => {
      reads++;
      return id === squad.id ? squad : null;
    },
    squadOf: async () => null,
    rename: async () => null,
  };
  const relay = createSquadRelay(reader, presence, { clients, players }, createLogger('silent'));
  return { relay, received, players, reads: () => reads };
}

describe('squad relay', () => {
  it('reads the squad only in shards holding a member or someone who was one', async () => {
    const presence: Presence = new LocalPresence();
    const withMember = shard(presence, [{ id: 'v1' }, { id: 'v9' }]);
    const withLeaver = shard(presence, [{ id: 'v2', squad: 'S1' }]);
    const without = shard(presence, [{ id: 'v3' }, { id: 'v4', squad: 'S2' }]);
    for (const s of [withMember, withLeaver, without]) await s.relay.start();

    await presence.publish(CHANNEL.squads, { squadId: 'S1', members: ['v1'] } satisfies SquadNote);
    await until(() => withMember.received.length === 1 && withLeaver.received.length === 1, 'the member and the leaver to hear');
    expect(withMember.received).toEqual([{ to: 'v1', type: 'squad' }]);
    expect(withMember.players.get('s-v1')?.squad).toBe('S1');
    // The one who left hears they are out of it.
    expect(withLeaver.players.get('s-v2')?.squad).toBe('');
    expect([withMember.reads(), withLeaver.reads(), without.reads()]).toEqual([1, 1, 0]);
    expect(without.received).toEqual([]);
  });
});
