import { describe, expect, it } from 'vitest';
import { flagsFromStatus, flagsWithMute } from '../../../../../server/features/status/status.ts';
import { PLAYER_FLAG } from '../../../../../shared/together.ts';

const { typing, voice, speaking, muted } = PLAYER_FLAG;

describe('flagsFromStatus', () => {
  it('sets typing, voice and speaking as the visitor says', () => {
    expect(flagsFromStatus(0, { typing: true, voice: true, speaking: false })).toBe(typing | voice);
    expect(flagsFromStatus(typing | voice, { typing: false, voice: true, speaking: true })).toBe(voice | speaking);
    expect(flagsFromStatus(voice | speaking, { typing: false, voice: false, speaking: false })).toBe(0);
  });

  it('keeps the muted bit and voice off while muted', () => {
    expect(flagsFromStatus(muted, { typing: true, voice: true, speaking: true })).toBe(muted | typing);
    expect(flagsFromStatus(muted | typing, { typing: false, voice: false, speaking: false })).toBe(muted);
  });

  it("keeps the server's host bit (the event's host on stage) whatever the visitor says", () => {
    expect(flagsFromStatus(PLAYER_FLAG.host, { typing: true, voice: true, speaking: false })).toBe(
      PLAYER_FLAG.host | typing | voice,
    );
    expect(flagsFromStatus(PLAYER_FLAG.host | voice, { typing: false, voice: false, speaking: false })).toBe(PLAYER_FLAG.host);
  });
});

describe('flagsWithMute', () => {
  it('mutes with voice and speaking off, unmutes leaving the rest', () => {
    expect(flagsWithMute(voice | speaking | typing, true)).toBe(muted | typing);
    expect(flagsWithMute(muted | typing, false)).toBe(typing);
  });
});
