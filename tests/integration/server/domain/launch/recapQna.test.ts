import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MSG } from '../../../../../shared/protocol.ts';
import type { QnaSnapshot } from '../../../../../shared/qna.ts';
import { EventRecap } from '../../../../../shared/recap.ts';
import type { ArenaState } from '../../../../../shared/state.ts';
import { eventsFileWith, launchEvent } from '../../../support/events.ts';
import { type ArenaClientRoom, startTestServer, type TestServer } from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';

const ADMIN_TOKEN = 'recap-qna-admin-token';
const EVENT = 'recap-qna-launch';
const eventsFile = eventsFileWith([
  launchEvent(EVENT, {
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  }),
]);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ config: { adminToken: ADMIN_TOKEN, eventsFile } });
});
afterAll(async () => {
  await server?.close();
});

/** A visitor in the arena who keeps the newest Q&A snapshot. */
async function join(token: string) {
  const room: ArenaClientRoom = await server.sdk.joinOrCreate<ArenaState>('arena', { token });
  let latest: QnaSnapshot | undefined;
  room.onMessage(MSG.qna, (s: QnaSnapshot) => {
    if (!latest || s.seq >= latest.seq) latest = s;
  });
  await room.waitForInitialState();
  return { room, snapshot: () => latest };
}

describe('the recap of an event with Q&A and a poll', () => {
  it('keeps the questions taken on stage with their askers and upvotes, how many were asked, and the poll counts', async () => {
    const ann = await join((await server.visitor('Ann')).token);
    const ben = await join((await server.visitor('Ben')).token);
    const session = await server
      .api()
      .post('/api/session', { name: 'Host', color: '#ffffff', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
    const host = await join(session.body.token as string);

    ann.room.send(MSG.qnaAsk, { eventId: EVENT, text: 'Does it come in wide sizes?' });
    ben.room.send(MSG.qnaAsk, { eventId: EVENT, text: 'When does it ship?' });
    await until(() => host.snapshot()?.questions.length === 2, 'both questions at the host');
    const wide = host.snapshot()!.questions.find((q) => q.askerName === 'Ann')!;
    ben.room.send(MSG.qnaVote, { eventId: EVENT, questionId: wide.id });
    await until(() => host.snapshot()?.questions.find((q) => q.id === wide.id)?.votes === 1, 'the upvote');
    host.room.send(MSG.qnaHost, { eventId: EVENT, action: 'pick', questionId: wide.id });
    await until(() => host.snapshot()?.onScreen?.id === wide.id, 'the pick');
    host.room.send(MSG.qnaHost, { eventId: EVENT, action: 'done' });
    await until(() => host.snapshot()?.answered.some((q) => q.id === wide.id) === true, 'answered');

    host.room.send(MSG.qnaHost, { eventId: EVENT, action: 'openPoll', question: 'Which colour?', options: ['Black', 'Red'] });
    await until(() => ann.snapshot()?.poll != null && ben.snapshot()?.poll != null, 'the poll');
    const pollId = ann.snapshot()!.poll!.id;
    ann.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 1 });
    ben.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 1 });
    await until(() => host.snapshot()?.poll?.counts[1] === 2, 'both votes');

    const res = await server.api().get(`/api/events/${EVENT}/recap`);
    expect(res.status).toBe(200);
    const recap = EventRecap.parse(res.body);
    expect(recap.questionsAsked).toBe(2);
    expect(recap.questions).toEqual([
      { askerName: 'Ann', text: 'Does it come in wide sizes?', votes: 1, pickedAt: expect.any(String), answered: true },
    ]);
    expect(recap.polls).toEqual([
      { question: 'Which colour?', options: ['Black', 'Red'], counts: [0, 2], openedAt: expect.any(String) },
    ]);
    for (const v of [ann, ben, host]) await v.room.leave();
  });
});
