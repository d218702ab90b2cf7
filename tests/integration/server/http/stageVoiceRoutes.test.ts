import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../../../shared/api.ts';
import { StageVoiceGrant } from '../../../../shared/stageVoice.ts';
import { startJanus, type RunningJanus } from '../../../support/janus.ts';
import { janusTestSession } from '../../../support/janusApi.ts';
import { eventsFileWith, launchEvent } from '../../support/events.ts';
import { startTestServer, type TestServer } from '../../support/testServer.ts';

const adminToken = 'venue-admin-token-for-the-stage';
const now = Date.now();
const eventsFile = eventsFileWith([
  launchEvent('live-launch', {
    startsAt: new Date(now - 60_000).toISOString(),
    endsAt: new Date(now + 3_600_000).toISOString(),
  }),
  'later-launch',
]);
const voicePath = (id: string) => `${API.events}/${id}/stage-voice`;

let janus: RunningJanus;
let server: TestServer;
let host: string;
let fan: string;

async function adminSession(s: TestServer): Promise<string> {
  const res = await s.api().post(API.session, { name: 'Host', color: '#000000', locale: 'en', currency: 'USD', adminToken });
  expect(res.status).toBe(201);
  return res.body.token as string;
}

beforeAll(async () => {
  janus = await startJanus();
  server = await startTestServer({ config: { adminToken, eventsFile, stageMediaUrl: janus.httpUrl } });
  host = await adminSession(server);
  fan = (await server.visitor('Fan')).token;
}, 60_000);
afterAll(async () => {
  await server?.close();
  await janus?.stop();
});

describe('GET /api/events/:id/stage-voice with a media server', () => {
  it("gives the host the room and its pin, a visitor only the listeners' mountpoint, both the same stage", async () => {
    const hostGrant = StageVoiceGrant.parse((await server.api(host).get(voicePath('live-launch'))).body);
    const fanRes = await server.api(fan).get(voicePath('live-launch'));
    expect(fanRes.status).toBe(200);
    const fanGrant = StageVoiceGrant.parse(fanRes.body);
    expect(hostGrant).toMatchObject({ mode: 'janus', role: 'host', server: janus.httpUrl });
    expect(fanGrant).toEqual({ mode: 'janus', role: 'listener', server: janus.httpUrl, mountpoint: expect.any(Number) });
    if (hostGrant.mode !== 'janus' || fanGrant.mode !== 'janus') throw new Error('unreachable');
    expect(fanGrant.mountpoint).toBe(hostGrant.mountpoint);
    // The same stage on every ask: the room is made once per event.
    expect((await server.api(host).get(voicePath('live-launch'))).body).toEqual(hostGrant);
  });

  it('lets the host join the room to publish, refuses anyone without the pin, and lets a visitor watch', async () => {
    const hostGrant = (await server.api(host).get(voicePath('live-launch'))).body;
    const fanGrant = (await server.api(fan).get(voicePath('live-launch'))).body;
    const janusApi = await janusTestSession(janus.httpUrl);
    try {
      // A visitor who somehow learned the room number still cannot join it without the pin.
      const intruder = await janusApi.attach('janus.plugin.audiobridge');
      const refused = await intruder.ask({ request: 'join', room: hostGrant.room, display: 'Fan' });
      expect(refused.plugindata?.data).toMatchObject({ audiobridge: 'event', error: 'Missing mandatory element (pin)' });
      const guessed = await intruder.ask({ request: 'join', room: hostGrant.room, pin: 'guess', display: 'Fan' });
      expect(guessed.plugindata?.data).toMatchObject({ audiobridge: 'event', error_code: 489 });
      expect(String(guessed.plugindata?.data.error)).toMatch(/unauthorized/i);

      const stage = await janusApi.attach('janus.plugin.audiobridge');
      const joined = await stage.ask({ request: 'join', room: hostGrant.room, pin: hostGrant.pin, display: 'Host' });
      expect(joined.plugindata?.data).toMatchObject({ audiobridge: 'joined', room: hostGrant.room });

      // The listen grant is a mountpoint: Janus offers it receive-only audio.
      const listener = await janusApi.attach('janus.plugin.streaming');
      const watching = await listener.ask({ request: 'watch', id: fanGrant.mountpoint });
      expect(watching.jsep?.type).toBe('offer');
      expect(watching.jsep?.sdp).toMatch(/m=audio [\s\S]*a=sendonly/);
    } finally {
      await janusApi.close();
    }
  });

  it("lets the page call the media server: its origin is in the CSP's connect-src", async () => {
    const csp = (await server.api().get(API.events)).headers.get('content-security-policy') ?? '';
    const connect = csp.split(';').find((d) => d.trim().startsWith('connect-src')) ?? '';
    expect(connect).toContain(new URL(janus.httpUrl).origin);
  });

  it('refuses unknown events, events not on stage now, and visitors without a session', async () => {
    const unknown = await server.api(fan).get(voicePath('nope'));
    expect(unknown.status).toBe(404);
    const later = await server.api(host).get(voicePath('later-launch'));
    expect(later.status).toBe(409);
    expect(later.body.error.code).toBe('stage_voice_closed');
    expect((await server.api().get(voicePath('live-launch'))).status).toBe(401);
  });
});

describe('GET /api/events/:id/stage-voice without a working media server', () => {
  it('grants the direct stage when STAGE_MEDIA_URL is unset, and answers 503 when the media server does not answer', async () => {
    const plain = await startTestServer({ config: { eventsFile, adminToken, stageDirectListeners: 3 } });
    const gone = await startTestServer({ config: { eventsFile, stageMediaUrl: 'http://127.0.0.1:9/janus' } });
    try {
      const a = (await plain.visitor('A')).token;
      expect((await plain.api(a).get(voicePath('live-launch'))).body).toEqual({
        mode: 'direct',
        role: 'listener',
        maxListeners: 3,
      });
      const admin = await adminSession(plain);
      expect((await plain.api(admin).get(voicePath('live-launch'))).body).toEqual({
        mode: 'direct',
        role: 'host',
        maxListeners: 3,
      });
      const b = (await gone.visitor('B')).token;
      const down = await gone.api(b).get(voicePath('live-launch'));
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('unavailable');
    } finally {
      await plain.close();
      await gone.close();
    }
  });
});
