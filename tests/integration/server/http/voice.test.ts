import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../shared/api.ts';
import { configFromEnv } from '../../../../server/config.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

const TURN = { urls: ['turn:turn.example.net:3478?transport=udp'], username: 'u', credential: 'p' };

describe('GET /api/voice', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { iceServers: [{ urls: 'stun:stun.example.net:3478' }, TURN] } });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('serves the configured ICE servers to anyone (no visitor token needed)', async () => {
    const res = await server.api().get(API.voice);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ iceServers: [{ urls: 'stun:stun.example.net:3478' }, TURN] });
  });
});

describe('ICE_SERVERS', () => {
  it('defaults to none: host candidates only, nothing fetched from anywhere', () => {
    expect(configFromEnv({}).iceServers).toEqual([]);
    expect(configFromEnv({ ICE_SERVERS: ' ' }).iceServers).toEqual([]);
  });

  it('reads a JSON array of RTCIceServer', () => {
    expect(configFromEnv({ ICE_SERVERS: JSON.stringify([TURN]) }).iceServers).toEqual([TURN]);
  });

  it('stops the server with the reason on a bad value', () => {
    expect(() => configFromEnv({ ICE_SERVERS: 'stun:x' })).toThrow(/JSON array/);
    expect(() => configFromEnv({ ICE_SERVERS: '[{"url":"stun:x"}]' })).toThrow(/ICE_SERVERS/);
    expect(() => configFromEnv({ ICE_SERVERS: '[{"urls":[]}]' })).toThrow(/ICE_SERVERS/);
  });
});
