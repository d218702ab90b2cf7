import { LocalPresence } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { createModerationBook, moderationTarget } from '../../../../../server/features/moderation/moderation.ts';

describe('createModerationBook', () => {
  it('keeps mutes until unmuted, per visitor id', async () => {
    const book = createModerationBook(new LocalPresence());
    await book.record({ action: 'mute', visitorId: 'v1' }, 0);
    expect(await book.isMuted('v1')).toBe(true);
    expect(await book.isMuted('v2')).toBe(false);
    await book.record({ action: 'unmute', visitorId: 'v1' }, 0);
    expect(await book.isMuted('v1')).toBe(false);
  });

  it('bars a removed visitor for the removal time, then lets them back', async () => {
    const book = createModerationBook(new LocalPresence(), 60_000);
    await book.record({ action: 'remove', visitorId: 'v1' }, 1_000);
    expect(await book.isRemoved('v1', 1_000)).toBe(true);
    expect(await book.isRemoved('v1', 60_999)).toBe(true);
    expect(await book.isRemoved('v1', 61_000)).toBe(false);
    expect(await book.isRemoved('v1', 1_000)).toBe(false); // forgotten once expired
    expect(await book.isRemoved('v2', 1_000)).toBe(false);
  });

  it('is shared by everyone reading the same presence', async () => {
    const presence = new LocalPresence();
    await createModerationBook(presence).record({ action: 'mute', visitorId: 'v1' }, 0);
    expect(await createModerationBook(presence).isMuted('v1')).toBe(true);
  });
});

describe('moderationTarget', () => {
  const visitors = new Map([
    ['s1', 'v1'],
    ['s2', 'v2'],
  ]);
  const lookup = (id: string) => visitors.get(id);

  it('gives the visitor id of the target for the host', () => {
    expect(moderationTarget('host', { action: 'remove', target: 's2' }, 's1', lookup)).toEqual({
      ok: true,
      target: { action: 'remove', visitorId: 'v2' },
    });
  });

  it('refuses anyone but the host, an unknown target and the host themself', () => {
    const code = (role: string | undefined, target: string) => {
      const r = moderationTarget(role, { action: 'mute', target }, 's1', lookup);
      return r.ok ? 'ok' : r.error.code;
    };
    expect(code('visitor', 's2')).toBe('forbidden');
    expect(code(undefined, 's2')).toBe('forbidden');
    expect(code('host', 'nobody')).toBe('not_found');
    expect(code('host', 's1')).toBe('not_found');
  });
});
