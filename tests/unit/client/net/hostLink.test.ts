import { describe, expect, it } from 'vitest';
import { readHostLink } from '../../../../client/net/hostLink.ts';

describe('a host invite link', () => {
  it("gives its secret from the page's query, nothing for a missing or short one", () => {
    expect(readHostLink('?host=abcdefghijklmnopqrstuvwxyz012345')).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(readHostLink('?event=court-runner-3&host=abcdefghijklmnop')).toBe('abcdefghijklmnop');
    expect(readHostLink('?host=short')).toBeNull();
    expect(readHostLink('')).toBeNull();
  });
});
