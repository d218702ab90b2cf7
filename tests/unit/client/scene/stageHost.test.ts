import { describe, expect, it } from 'vitest';
import { PLAYER_FLAG } from '../../../../shared/together.ts';
import { SELF, type StageHostState, stageHostId, stageHostName } from '../../../../client/scene/stageHost.ts';

const base: StageHostState = {
  visitor: { role: 'visitor', name: 'Fan' },
  venueEvent: { id: 'court-runner-3' },
  remoteFlags: { s1: PLAYER_FLAG.voice, s2: PLAYER_FLAG.host | PLAYER_FLAG.speaking },
  visitors: { s1: { name: 'Ann' }, s2: { name: 'Mia Chen' } },
  selfId: 's0',
};

describe('who stands in the spotlight', () => {
  it('is the player the server flagged as host, for every visitor', () => {
    expect(stageHostId(base)).toBe('s2');
    expect(stageHostName(base)).toBe('Mia Chen');
    expect(stageHostId({ ...base, remoteFlags: { s1: PLAYER_FLAG.voice } })).toBe('');
    expect(stageHostName({ ...base, remoteFlags: {} })).toBe('');
  });

  it("is this visitor when they are the arena event's invited host", () => {
    const me = {
      ...base,
      visitor: { role: 'eventHost' as const, hostEventId: 'court-runner-3', name: 'Mia Chen' },
      remoteFlags: {},
    };
    expect(stageHostId(me)).toBe(SELF);
    expect(stageHostName(me)).toBe('Mia Chen');
    expect(stageHostId({ ...me, venueEvent: { id: 'jersey-night' } })).toBe('');
  });
});
