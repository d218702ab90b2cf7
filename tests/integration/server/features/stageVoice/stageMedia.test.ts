import { afterAll, describe, expect, it } from 'vitest';
import { createStageMedia } from '../../../../../server/features/stageVoice/stageMedia.ts';
import { startJanus, type RunningJanus } from '../../../../support/janus.ts';
import { janusTestSession } from '../../../../support/janusApi.ts';

let janus: RunningJanus | undefined;
afterAll(async () => {
  await janus?.stop();
});

/** Whether a host holding this room and pin can join it on the Janus at `url`. */
async function hostJoins(url: string, room: number, pin: string): Promise<boolean> {
  const api = await janusTestSession(url);
  try {
    const bridge = await api.attach('janus.plugin.audiobridge');
    const joined = await bridge.ask({ request: 'join', room, pin, display: 'Host' });
    return joined.plugindata?.data.audiobridge === 'joined';
  } finally {
    await api.close();
  }
}

describe('createStageMedia', () => {
  it('keeps one stage per event, and makes it anew when Janus restarted and forgot it', async () => {
    janus = await startJanus();
    const media = createStageMedia(janus.httpUrl, { recheckMs: 0 });
    const first = await media.ensure('launch');
    expect(await media.ensure('launch')).toEqual(first);
    expect((await media.ensure('other')).room).not.toBe(first.room);
    expect(await hostJoins(janus.httpUrl, first.room, first.pin)).toBe(true);

    const { ports } = janus;
    await janus.stop();
    janus = await startJanus({ ports });
    const again = await media.ensure('launch');
    expect(again.room).not.toBe(first.room);
    expect(await hostJoins(janus.httpUrl, again.room, again.pin)).toBe(true);
  }, 60_000);
});
