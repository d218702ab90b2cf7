import { describe, expect, it } from 'vitest';
import { HostInviteRequest, isForwardMove, mayHostEvent, PhaseMoveRequest } from '../../../shared/eventHosts.ts';

describe('who may run a launch event', () => {
  it('is the venue admin for every event, an invited host for their own event only, never a visitor', () => {
    expect(mayHostEvent({ role: 'host' }, 'court-runner-3')).toBe(true);
    const host = { role: 'eventHost', hostEventId: 'court-runner-3' } as const;
    expect(mayHostEvent(host, 'court-runner-3')).toBe(true);
    expect(mayHostEvent(host, 'jersey-night')).toBe(false);
    expect(mayHostEvent({ role: 'eventHost' }, '')).toBe(false);
    expect(mayHostEvent({ role: 'visitor', hostEventId: 'court-runner-3' }, 'court-runner-3')).toBe(false);
    expect(mayHostEvent(null, 'court-runner-3')).toBe(false);
  });

  it('moves phases forward only', () => {
    expect(isForwardMove('upcoming', 'countdown')).toBe(true);
    expect(isForwardMove('countdown', 'live')).toBe(true);
    expect(isForwardMove('live', 'live')).toBe(false);
    expect(isForwardMove('live', 'reveal')).toBe(false);
    expect(PhaseMoveRequest.safeParse({ phase: 'upcoming' }).success).toBe(false);
    expect(PhaseMoveRequest.safeParse({ phase: 'ended', extra: 1 }).success).toBe(false);
  });

  it('names a host with a display name (no markup)', () => {
    expect(HostInviteRequest.safeParse({ name: 'Mia Chen' }).success).toBe(true);
    expect(HostInviteRequest.safeParse({ name: '<script>' }).success).toBe(false);
  });
});
