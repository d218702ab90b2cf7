import type { VenueEventSnapshot } from '../../../shared/events.ts';
import { mayHostEvent } from '../../../shared/eventHosts.ts';
import { ErrorCode, type ErrorBody, MSG } from '../../../shared/protocol.ts';
import { QNA_VOTE_RATE, QUESTION_RATE, type QnaSnapshot } from '../../../shared/qna.ts';
import type { Verdict } from '../../domain/qna/qna.ts';
import type { ArenaClient, RoomFeature } from '../../room/feature.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';
import { send } from '../../room/send.ts';
import { CHANNEL } from '../../venue/channels.ts';
import { tooFrequent } from '../chat/chatFeature.ts';
import { acceptPoll, acceptQuestion } from './qnaRules.ts';

type QnaMessage = typeof MSG.qnaAsk | typeof MSG.qnaVote | typeof MSG.pollVote | typeof MSG.qnaHost;

const rejected = (type: QnaMessage, message: string): ErrorBody => ({ code: ErrorCode.qnaRejected, message, type });

/**
 * Q&A and polls in one shard. A question passes the shard's rate (per visitor) and `acceptQuestion`
 * before the venue's Q&A sees it; an upvote or poll vote passes its rate; a host command passes
 * `mayHostEvent`. What the venue then refuses (a second upvote, no open poll…) comes back to the
 * sender as a `qna_rejected` error when its answer arrives; what it accepts comes back to everyone as
 * the next `CHANNEL.qna` snapshot, and to the sender as their `qnaMine`. A visitor joining gets the
 * shown event's snapshot and their own part; so does everyone when the shown event changes.
 */
export const qnaFeature: RoomFeature = ({ clients, presence, deps }) => {
  const asks = new Map<string, TokenBucket>();
  const votes = new Map<string, TokenBucket>();
  let shownEventId = '';

  const relay = (snapshot: QnaSnapshot) => {
    for (const client of clients) send(client, MSG.qna, snapshot);
  };
  const failed = (err: unknown) => deps.log.error({ err }, 'Q&A change failed');

  const sendMine = (client: ArenaClient, eventId: string) => {
    const visitorId = client.auth?.id;
    if (!visitorId || !eventId) return;
    deps.qna.mine(eventId, visitorId).then((mine) => send(client, MSG.qnaMine, mine), failed);
  };

  /** Answers the sender once the venue decided: their own part when it applied, the reason when not. */
  const answer = (client: ArenaClient, type: QnaMessage, eventId: string, decided: Promise<Verdict>) => {
    decided.then(
      (verdict) => {
        if (verdict) send(client, MSG.error, rejected(type, verdict));
        else sendMine(client, eventId);
      },
      (err: unknown) => {
        failed(err);
        send(client, MSG.error, { code: ErrorCode.internal, message: 'the Q&A could not be saved; try again', type });
      },
    );
  };

  const showEvent = (event: Pick<VenueEventSnapshot, 'id'>) => {
    if (event.id === shownEventId) return;
    shownEventId = event.id;
    if (!event.id) return;
    deps.qna.snapshot(event.id).then(relay, failed);
    for (const client of clients) sendMine(client, event.id);
  };

  const bucket = (
    map: Map<string, TokenBucket>,
    visitorId: string,
    rate: typeof QUESTION_RATE | typeof QNA_VOTE_RATE,
    now: number,
  ) => {
    let b = map.get(visitorId);
    if (!b) {
      b = createTokenBucket(rate.perSecond, rate.burst, now);
      map.set(visitorId, b);
    }
    return b;
  };

  return {
    async onCreate() {
      await presence.subscribe(CHANNEL.qna, relay);
      await presence.subscribe(CHANNEL.event, showEvent);
      shownEventId = deps.venue.events.snapshot().id;
    },
    onDispose() {
      presence.unsubscribe(CHANNEL.qna, relay);
      presence.unsubscribe(CHANNEL.event, showEvent);
    },
    onJoin(client) {
      if (!shownEventId) return;
      deps.qna.snapshot(shownEventId).then((snapshot) => send(client, MSG.qna, snapshot), failed);
      sendMine(client, shownEventId);
    },
    messages: {
      [MSG.qnaAsk]: ({ client, visitor, player, data, now }) => {
        // NOTE: the bucket is the visitor's, not the connection's: a reconnect does not refill it.
        if (!bucket(asks, visitor.id, QUESTION_RATE, now).take(now)) return tooFrequent(MSG.qnaAsk, QUESTION_RATE);
        const decision = acceptQuestion(data.text, player, deps.chatFilter);
        if (!decision.ok) return rejected(MSG.qnaAsk, decision.rejection);
        answer(
          client,
          MSG.qnaAsk,
          data.eventId,
          deps.qna.ask(data.eventId, { visitorId: visitor.id, name: player.name }, decision.text),
        );
        return undefined;
      },
      [MSG.qnaVote]: ({ client, visitor, data, now }) => {
        if (!bucket(votes, visitor.id, QNA_VOTE_RATE, now).take(now)) return tooFrequent(MSG.qnaVote, QNA_VOTE_RATE);
        answer(client, MSG.qnaVote, data.eventId, deps.qna.vote(data.eventId, visitor.id, data.questionId));
        return undefined;
      },
      [MSG.pollVote]: ({ client, visitor, data, now }) => {
        if (!bucket(votes, visitor.id, QNA_VOTE_RATE, now).take(now)) return tooFrequent(MSG.pollVote, QNA_VOTE_RATE);
        answer(client, MSG.pollVote, data.eventId, deps.qna.pollVote(data.eventId, visitor.id, data.pollId, data.option));
        return undefined;
      },
      [MSG.qnaHost]: ({ client, visitor, data }) => {
        if (!mayHostEvent(visitor, data.eventId)) {
          return { code: ErrorCode.forbidden, message: "only the event's host may run its Q&A and polls", type: MSG.qnaHost };
        }
        if (data.action === 'openPoll') {
          const poll = acceptPoll(data.question, data.options);
          if (!poll.ok) return rejected(MSG.qnaHost, poll.rejection);
          answer(
            client,
            MSG.qnaHost,
            data.eventId,
            deps.qna.host(data.eventId, { action: 'openPoll', question: poll.question, options: poll.options }),
          );
          return undefined;
        }
        const { eventId: _eventId, ...command } = data;
        answer(client, MSG.qnaHost, data.eventId, deps.qna.host(data.eventId, command));
        return undefined;
      },
    },
  };
};
