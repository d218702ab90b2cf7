import { describe, expect, it } from 'vitest';
import { SignJWT } from 'jose';
import { bearerToken, createTokenService } from '../../../../server/auth/tokens.ts';
import type { Visitor } from '../../../../shared/api.ts';

const visitor: Visitor = { id: 'v_abc', name: 'Ann', color: '#ff0000', role: 'visitor', locale: 'en', currency: 'USD' };

describe('visitor tokens', () => {
  const tokens = createTokenService('test-secret-that-is-long-enough');

  it('round-trips the visitor profile', async () => {
    expect(await tokens.verify(await tokens.issue(visitor))).toEqual(visitor);
  });

  it('rejects tokens signed with another secret, tampered, or missing', async () => {
    const other = createTokenService('another-secret');
    expect(await tokens.verify(await other.issue(visitor))).toBeUndefined();
    const token = await tokens.issue(visitor);
    const [h, p, s] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'host' }),
    ).toString('base64url');
    expect(await tokens.verify(`${h}.${forgedPayload}.${s}`)).toBeUndefined();
    expect(await tokens.verify(undefined)).toBeUndefined();
    expect(await tokens.verify('junk')).toBeUndefined();
  });

  it('rejects alg none and expired tokens', async () => {
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'v_x', ...visitor })).toString('base64url')}.`;
    expect(await tokens.verify(none)).toBeUndefined();
    const expired = await new SignJWT({ ...visitor })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('v_abc')
      .setIssuer('courtside')
      .setAudience('courtside:visitor')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode('test-secret-that-is-long-enough'));
    expect(await tokens.verify(expired)).toBeUndefined();
  });

  it("carries an event host's event and invite, expires at the given time, and is refused once it no longer stands", async () => {
    let revoked = false;
    const hostTokens = createTokenService('test-secret-that-is-long-enough', {
      stands: (v) => !(revoked && v.role === 'eventHost'),
    });
    const host: Visitor = { ...visitor, role: 'eventHost', hostEventId: 'court-runner-3', hostInviteId: 'hinv_1' };
    const endsAtMs = Date.now() + 3_600_000;
    const token = await hostTokens.issue(host, { expiresAtMs: endsAtMs });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.exp).toBe(Math.floor(endsAtMs / 1000));
    expect(await hostTokens.verify(token)).toEqual(host);
    const plain = await hostTokens.issue(visitor);
    revoked = true;
    // The second verify is answered from the cache: the check still applies.
    expect(await hostTokens.verify(token)).toBeUndefined();
    expect(await hostTokens.verify(plain)).toEqual(visitor);
    const ended = await hostTokens.issue({ ...host, hostInviteId: 'hinv_2' }, { expiresAtMs: Date.now() - 1000 });
    revoked = false;
    expect(await hostTokens.verify(ended)).toBeUndefined();
  });

  it('reads Bearer headers', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer x')).toBe('x');
    expect(bearerToken('Basic x')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
