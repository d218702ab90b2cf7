import { describe, expect, it, vi } from 'vitest';
import en from '../../../../client/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };
import { qnaErrorKey } from '../../../../client/net/qnaBinding.ts';
import { createConnection } from '../../../../client/net/createConnection.ts';
import { createServerClock } from '../../../../client/net/serverClock.ts';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import { createLocalPlayer } from '../../../../client/state/localPlayer.ts';
import { createRemotePoses } from '../../../../client/state/remotePoses.ts';
import { joinedRooms } from '../support/fakeSdk.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

vi.mock('@colyseus/sdk', () => import('../support/fakeSdk.ts'));
import { ErrorCode, MSG } from '../../../../shared/protocol.ts';
import { QNA_REJECTION } from '../../../../shared/qna.ts';

const lookup = (catalog: unknown, key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalog);

describe('qnaErrorKey', () => {
  it('words every refusal the server can give, in English and Chinese', () => {
    const keys = [
      ...Object.values(QNA_REJECTION).map((message) => qnaErrorKey({ code: ErrorCode.qnaRejected, message, type: MSG.qnaAsk })),
      qnaErrorKey({ code: ErrorCode.rateLimited, message: 'x', type: MSG.qnaAsk }),
      qnaErrorKey({ code: ErrorCode.qnaRejected, message: 'a reason this client does not know', type: MSG.qnaVote }),
      qnaErrorKey({ code: ErrorCode.forbidden, message: 'x', type: MSG.qnaHost }),
    ];
    expect(keys).toContain('errors.qna_rejected');
    for (const key of keys) {
      expect(typeof lookup(en, key), `en ${key}`).toBe('string');
      expect(typeof lookup(zh, key), `zh-CN ${key}`).toBe('string');
    }
  });
});

describe('the Q&A through the room door', () => {
  const venueEvent = {
    id: 'court-runner-3',
    phase: 'live',
    startsAtMs: 0,
    endsAtMs: 1,
    countdownMs: 0,
    revealMs: 0,
    heroProductId: 'court-runner-2',
    heroColourwayId: 'black',
  };

  it('sends nothing without a shown event, then names it in every message', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const connection = makeConnection(store);
    await connection.join();
    const room = joinedRooms.at(-1)!;
    expect(connection.qna.ask('Wide sizes?')).toBe(false);
    store.getState().setVenueEvent(venueEvent);
    expect(connection.qna.ask('Wide sizes?')).toBe(true);
    connection.qna.upvote('AbCdEfGh12345678');
    connection.qna.votePoll('PoLlAbCd12345678', 1);
    connection.qna.host({ action: 'pick', questionId: 'AbCdEfGh12345678' });
    expect(room.sentOf(MSG.qnaAsk)).toEqual([{ eventId: 'court-runner-3', text: 'Wide sizes?' }]);
    expect(room.sentOf(MSG.qnaVote)).toEqual([{ eventId: 'court-runner-3', questionId: 'AbCdEfGh12345678' }]);
    expect(room.sentOf(MSG.pollVote)).toEqual([{ eventId: 'court-runner-3', pollId: 'PoLlAbCd12345678', option: 1 }]);
    expect(room.sentOf(MSG.qnaHost)).toEqual([{ eventId: 'court-runner-3', action: 'pick', questionId: 'AbCdEfGh12345678' }]);
    await connection.leave();
  });

  it('keeps snapshots and the own part in the store, and shows refusals in the panel, not as the page notice', async () => {
    const store = createAppStore({ storage: memoryStorage() });
    const connection = makeConnection(store);
    await connection.join();
    const room = joinedRooms.at(-1)!;
    const snapshot = { eventId: 'court-runner-3', seq: 2, questions: [], onScreen: null, answered: [], poll: null };
    room.deliver(MSG.qna, snapshot);
    room.deliver(MSG.qnaMine, { eventId: 'court-runner-3', asked: [], voted: ['AbCdEfGh12345678'], poll: null });
    expect(store.getState().qna).toEqual(snapshot);
    expect(store.getState().qnaMine?.voted).toEqual(['AbCdEfGh12345678']);
    room.deliver(MSG.error, { code: ErrorCode.qnaRejected, message: QNA_REJECTION.alreadyVoted, type: MSG.qnaVote });
    expect(store.getState().qnaError).toBe('qna.reason.alreadyVoted');
    expect(store.getState().notice).toBeNull();
    await connection.leave();
  });
});

function makeConnection(store: ReturnType<typeof createAppStore>) {
  return createConnection({
    store,
    remotePoses: createRemotePoses(),
    localPlayer: createLocalPlayer(),
    serverClock: createServerClock(),
    roomUrl: 'ws://qna.test',
  });
}
