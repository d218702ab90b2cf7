import { describe, expect, it } from 'vitest';
import { personalise, type SquadRecord } from '../../../../server/domain/squads.ts';

const record: SquadRecord = {
  id: 'sq_1',
  code: 'K7QX4M',
  members: [
    { visitorId: 'v_a', memberId: 'ma', name: 'Ann', color: '#ff0000', lines: [] },
    {
      visitorId: 'v_b',
      memberId: 'mb',
      name: 'Bob',
      color: '#00ff00',
      lines: [{ productId: 'court-runner-2', colourwayId: 'red', size: '42', quantity: 1 }],
    },
  ],
};

describe('personalise', () => {
  it('marks the reader, fills session ids the shard knows and never shows visitor ids', () => {
    const view = personalise(record, 'v_b', (v) => (v === 'v_a' ? 's_a' : null));
    expect(view.members.map((m) => [m.name, m.self, m.sessionId])).toEqual([
      ['Ann', false, 's_a'],
      ['Bob', true, null],
    ]);
    expect(view.members[1]?.lines).toEqual(record.members[1]?.lines);
    expect(JSON.stringify(view)).not.toContain('v_a');
  });

  it('knows no sessions by default (the HTTP answer)', () => {
    expect(personalise(record, 'v_x').members.every((m) => m.sessionId === null && !m.self)).toBe(true);
  });
});
