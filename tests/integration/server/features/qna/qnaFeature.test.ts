import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, MSG, type ErrorBody } from '../../../../../shared/protocol.ts';
import { QNA_REJECTION, QUESTION_RATE, type QnaMine, type QnaSnapshot } from '../../../../../shared/qna.ts';
import { eventsFileWith, launchEvent } from '../../../support/events.ts';
import {
  makeDataDir,
  removeDataDir,
  startTestServer,
  type ArenaClientRoom,
  type TestServer,
} from '../../../support/testServer.ts';
import { until } from '../../../support/until.ts';
import type { ArenaState } from '../../../../../shared/state.ts';

const ADMIN_TOKEN = 'qna-test-admin-token';
const EVENT = 'qna-launch';
const eventsFile = eventsFileWith([
  launchEvent(EVENT, {
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3_600_000).toISOString(),
  }),
]);
const options = { config: { adminToken: ADMIN_TOKEN, eventsFile, maxClientsPerRoom: 1 } };

let server: TestServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = makeDataDir();
  server = await startTestServer({ ...options, dataDir });
});
afterAll(async () => {
  await server?.close();
  await removeDataDir(dataDir);
});

interface Visitor {
  id: string;
  room: ArenaClientRoom;
  snapshot: () => QnaSnapshot | undefined;
  mine: () => QnaMine | undefined;
  errors: ErrorBody[];
}

function listen(id: string, room: ArenaClientRoom): Visitor {
  let snapshot: QnaSnapshot | undefined;
  let mine: QnaMine | undefined;
  const errors: ErrorBody[] = [];
  room.onMessage(MSG.qna, (s: QnaSnapshot) => {
    if (!snapshot || s.seq >= snapshot.seq) snapshot = s;
  });
  room.onMessage(MSG.qnaMine, (m: QnaMine) => {
    mine = m;
  });
  room.onMessage(MSG.error, (e: ErrorBody) => errors.push(e));
  return { id, room, snapshot: () => snapshot, mine: () => mine, errors };
}

/** Joins and listens at once: the shard sends the Q&A right after the join, before the first state. */
async function joinListening(id: string, token: string): Promise<Visitor> {
  const room = await server.sdk.joinOrCreate<ArenaState>('arena', { token });
  const v = listen(id, room);
  await room.waitForInitialState();
  return v;
}

async function visitor(name: string): Promise<Visitor> {
  const { token, id } = await server.visitor(name);
  return joinListening(id, token);
}

async function host(): Promise<Visitor> {
  const res = await server
    .api()
    .post('/api/session', { name: 'Host', color: '#ffffff', locale: 'en', currency: 'USD', adminToken: ADMIN_TOKEN });
  expect(res.status).toBe(201);
  return joinListening(res.body.visitor.id, res.body.token);
}

const ask = (v: Visitor, text: string) => v.room.send(MSG.qnaAsk, { eventId: EVENT, text });
const questionNamed = (v: Visitor, text: string) => v.snapshot()?.questions.find((q) => q.text === text);

/** Waits for an error reply on `type` with this code, beyond the `before` already seen. */
async function errorAfter(v: Visitor, before: number, type: string): Promise<ErrorBody> {
  await until(() => v.errors.slice(before).some((e) => e.type === type), `an error on ${type}`);
  return v.errors.slice(before).find((e) => e.type === type) as ErrorBody;
}

async function askAndSee(from: Visitor, text: string, ...others: Visitor[]) {
  ask(from, text);
  await until(() => [from, ...others].every((v) => questionNamed(v, text)), `"${text}" to reach everyone`);
  return questionNamed(from, text)!;
}

async function storedQuestions(text?: string): Promise<number> {
  let q = server.app.ctx.db
    .selectFrom('event_questions')
    .select((e) => e.fn.countAll<string>().as('n'))
    .where('event_id', '=', EVENT);
  if (text) q = q.where('text', 'like', `${text}%`);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

describe('Q&A across shards', () => {
  it('a question asked in one shard reaches another, with the asker named and their own marked', async () => {
    const a = await visitor('Ada');
    const b = await visitor('Bo');
    expect(a.room.roomId).not.toBe(b.room.roomId);
    const q = await askAndSee(a, 'Does it come in wide sizes?', b);
    expect(q.askerName).toBe('Ada');
    expect(q.votes).toBe(0);
    await until(() => a.mine()?.asked.includes(q.id) === true, 'the asker to hear it is theirs');
    expect(b.mine()?.asked ?? []).not.toContain(q.id);
  });

  it('counts an upvote once: a second one changes nothing and says why; the ranking follows the votes', async () => {
    const a = await visitor('Ann');
    const b = await visitor('Ben');
    const c = await visitor('Cy');
    const first = await askAndSee(a, 'First question here', b, c);
    const second = await askAndSee(a, 'Second question here', b, c);
    b.room.send(MSG.qnaVote, { eventId: EVENT, questionId: second.id });
    await until(() => questionNamed(c, 'Second question here')?.votes === 1, 'the upvote to reach the third shard');
    const ranked = c.snapshot()!.questions.map((q) => q.id);
    expect(ranked.indexOf(second.id)).toBeLessThan(ranked.indexOf(first.id));

    const before = b.errors.length;
    b.room.send(MSG.qnaVote, { eventId: EVENT, questionId: second.id });
    const error = await errorAfter(b, before, MSG.qnaVote);
    expect(error).toMatchObject({ code: ErrorCode.qnaRejected, message: QNA_REJECTION.alreadyVoted });
    const own = a.errors.length;
    a.room.send(MSG.qnaVote, { eventId: EVENT, questionId: first.id });
    expect(await errorAfter(a, own, MSG.qnaVote)).toMatchObject({ message: QNA_REJECTION.ownQuestion });
    const votes = await server.app.ctx.db
      .selectFrom('event_question_votes')
      .selectAll()
      .where('question_id', 'in', [first.id, second.id])
      .execute();
    expect(votes.map((v) => [v.question_id, v.visitor_id])).toEqual([[second.id, b.id]]);
    expect(questionNamed(c, 'Second question here')?.votes).toBe(1);
    expect(b.mine()?.voted).toContain(second.id);
  });

  it('refuses a question flood with rate_limited and stores nothing past the burst', async () => {
    const a = await visitor('Flo');
    for (let i = 0; i < QUESTION_RATE.burst + 2; i++) ask(a, `Flood ${i} question`);
    await until(() => a.errors.filter((e) => e.code === ErrorCode.rateLimited).length === 2, 'two rate-limited answers');
    await until(() => a.mine()?.asked.length === QUESTION_RATE.burst, 'the accepted ones to be stored');
    expect(a.errors.every((e) => e.code === ErrorCode.rateLimited && e.type === MSG.qnaAsk)).toBe(true);
    expect(await storedQuestions('Flood')).toBe(QUESTION_RATE.burst);
  });

  it('refuses words the venue filters, and an empty question, and stores neither', async () => {
    const a = await visitor('Fil');
    const before = a.errors.length;
    ask(a, 'why is this shit so expensive');
    expect(await errorAfter(a, before, MSG.qnaAsk)).toMatchObject({
      code: ErrorCode.qnaRejected,
      message: QNA_REJECTION.filtered,
    });
    const next = a.errors.length;
    ask(a, '   ');
    expect(await errorAfter(a, next, MSG.qnaAsk)).toMatchObject({ message: QNA_REJECTION.empty });
    expect(await storedQuestions('why is this')).toBe(0);
  });

  it('a visitor may not pick a question or open a poll: forbidden, and nothing changes', async () => {
    const a = await visitor('Vic');
    const b = await visitor('Val');
    const q = await askAndSee(a, 'Can a visitor pick me?', b);
    const before = b.errors.length;
    b.room.send(MSG.qnaHost, { eventId: EVENT, action: 'pick', questionId: q.id });
    b.room.send(MSG.qnaHost, { eventId: EVENT, action: 'openPoll', question: 'Mine?', options: ['Yes', 'No'] });
    await until(() => b.errors.slice(before).filter((e) => e.type === MSG.qnaHost).length === 2, 'two refusals');
    expect(b.errors.slice(before).map((e) => e.code)).toEqual([ErrorCode.forbidden, ErrorCode.forbidden]);
    const polls = await server.app.ctx.db.selectFrom('event_polls').selectAll().where('question', '=', 'Mine?').execute();
    expect(polls).toEqual([]);
    const row = await server.app.ctx.db
      .selectFrom('event_questions')
      .selectAll()
      .where('id', '=', q.id)
      .executeTakeFirstOrThrow();
    expect(row.picked_at).toBeNull();
  });

  it('the host picks a question onto the screens, and it is marked answered when the host moves on', async () => {
    const a = await visitor('Pia');
    const h = await host();
    const q1 = await askAndSee(a, 'Pick me first', h);
    const q2 = await askAndSee(a, 'Pick me second', h);
    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'pick', questionId: q1.id });
    await until(() => a.snapshot()?.onScreen?.id === q1.id, 'the picked question on screen');
    expect(a.snapshot()?.onScreen).toMatchObject({ askerName: 'Pia', text: 'Pick me first' });
    expect(a.snapshot()?.questions.some((q) => q.id === q1.id)).toBe(false);
    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'pick', questionId: q2.id });
    await until(() => a.snapshot()?.onScreen?.id === q2.id, 'the second on screen');
    expect(a.snapshot()?.answered.map((q) => q.id)).toContain(q1.id);
    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'done' });
    await until(() => a.snapshot()?.onScreen === null, 'the screen cleared');
    expect(
      a
        .snapshot()
        ?.answered.slice(0, 2)
        .map((q) => q.id),
    ).toEqual([q2.id, q1.id]);
  });

  it('a poll counts each visitor once and its live results reach both shards', async () => {
    const a = await visitor('Pol');
    const b = await visitor('Pat');
    const h = await host();
    h.room.send(MSG.qnaHost, {
      eventId: EVENT,
      action: 'openPoll',
      question: ' Which colour next? ',
      options: ['Black', 'Red', 'Volt'],
    });
    await until(
      () => a.snapshot()?.poll?.question === 'Which colour next?' && b.snapshot()?.poll?.closedAtMs === null,
      'the poll',
    );
    const pollId = a.snapshot()!.poll!.id;
    const before = h.errors.length;
    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'openPoll', question: 'Another?', options: ['A', 'B'] });
    expect(await errorAfter(h, before, MSG.qnaHost)).toMatchObject({
      code: ErrorCode.qnaRejected,
      message: QNA_REJECTION.pollOpen,
    });

    a.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 2 });
    b.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 2 });
    await until(() => b.snapshot()?.poll?.counts.join() === '0,0,2', 'both votes counted in shard B');
    const again = a.errors.length;
    a.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 0 });
    expect(await errorAfter(a, again, MSG.pollVote)).toMatchObject({ message: QNA_REJECTION.alreadyVoted });
    const bad = b.errors.length;
    b.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 3 });
    expect(await errorAfter(b, bad, MSG.pollVote)).toMatchObject({ message: QNA_REJECTION.badOption });
    await until(() => a.mine()?.poll?.option === 2, 'the voter to hear their vote');

    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'closePoll' });
    await until(() => a.snapshot()?.poll?.closedAtMs !== null, 'the poll closed');
    expect(a.snapshot()?.poll?.counts).toEqual([0, 0, 2]);
    const late = await visitor('Late');
    await until(() => late.snapshot()?.poll?.id === pollId, 'the closed poll for a newcomer');
    late.room.send(MSG.pollVote, { eventId: EVENT, pollId, option: 0 });
    expect(await errorAfter(late, 0, MSG.pollVote)).toMatchObject({ message: QNA_REJECTION.noPoll });
    const votes = await server.app.ctx.db.selectFrom('event_poll_votes').selectAll().where('poll_id', '=', pollId).execute();
    expect(votes.map((v) => v.option)).toEqual([2, 2]);
  });

  it('a question for an event that does not exist is refused', async () => {
    const a = await visitor('Nox');
    a.room.send(MSG.qnaAsk, { eventId: 'no-such-event', text: 'Anyone here?' });
    expect(await errorAfter(a, 0, MSG.qnaAsk)).toMatchObject({ code: ErrorCode.qnaRejected, message: QNA_REJECTION.noEvent });
  });
});

describe('Q&A after a restart', () => {
  it('keeps questions, upvotes, the screen and the poll', async () => {
    const a = await visitor('Rey');
    const b = await visitor('Ros');
    const h = await host();
    const q = await askAndSee(a, 'Will this survive a restart?', b);
    b.room.send(MSG.qnaVote, { eventId: EVENT, questionId: q.id });
    await until(() => questionNamed(a, 'Will this survive a restart?')?.votes === 1, 'the upvote');
    h.room.send(MSG.qnaHost, { eventId: EVENT, action: 'pick', questionId: q.id });
    await until(() => a.snapshot()?.onScreen?.id === q.id, 'on screen');
    const before = a.snapshot()!;

    await server.close();
    server = await startTestServer({ ...options, dataDir });
    const c = await visitor('Cal');
    await until(() => c.snapshot() !== undefined, 'the snapshot on join');
    const after = c.snapshot()!;
    expect(after.onScreen).toEqual(before.onScreen);
    expect(after.questions).toEqual(before.questions);
    expect(after.poll).toEqual(before.poll);
    expect(after.onScreen?.votes).toBe(1);
  });
});
