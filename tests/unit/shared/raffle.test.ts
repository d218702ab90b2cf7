import { describe, expect, it } from 'vitest';
import { API } from '../../../shared/api.ts';
import { EVENT_LINK_PARAM } from '../../../shared/events.ts';
import { raffleProofUrl } from '../../../shared/raffle.ts';

const proofUrl = (link: string) => raffleProofUrl(link, API.events, EVENT_LINK_PARAM).href;

describe('raffleProofUrl', () => {
  it('finds the proof from the raffle URL, the event URL or the share link', () => {
    const expected = 'https://shop.example/api/events/jersey-launch/raffle';
    expect(proofUrl(expected)).toBe(expected);
    expect(proofUrl(`${expected}/`)).toBe(expected);
    expect(proofUrl('https://shop.example/api/events/jersey-launch')).toBe(expected);
    expect(proofUrl('https://shop.example/?event=jersey-launch&lang=en')).toBe(expected);
    expect(proofUrl('http://127.0.0.1:2567/?event=a%2Fb')).toBe('http://127.0.0.1:2567/api/events/a%2Fb/raffle');
  });

  it('refuses links that name no event', () => {
    expect(() => proofUrl('https://shop.example/')).toThrow(/not a raffle or event link/);
    expect(() => proofUrl('https://shop.example/api/events/x/drop')).toThrow(/not a raffle or event link/);
    expect(() => proofUrl('not a url')).toThrow();
  });
});
