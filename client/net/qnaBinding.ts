import { type ErrorBody, ErrorCode, MSG } from '../../shared/protocol.ts';
import { QNA_REJECTION, type QnaHost } from '../../shared/qna.ts';
import type { AppStore } from '../state/createAppStore.ts';
import type { RoomDoor } from './roomDoor.ts';

/** A host command without its event (the event the arena shows is filled in). */
export type QnaHostCommand = QnaHost extends infer C ? (C extends unknown ? Omit<C, 'eventId'> : never) : never;

/** What the Q&A UI can send, for the event the arena shows; each is false when no room or event is there. */
export interface QnaActions {
  ask(text: string): boolean;
  upvote(questionId: string): boolean;
  votePoll(pollId: string, option: number): boolean;
  /** The event's host only (the server answers anyone else `forbidden`). */
  host(command: QnaHostCommand): boolean;
}

/** Message types whose refusals the Q&A panel shows itself. */
export const QNA_ERROR_TYPES = [MSG.qnaAsk, MSG.qnaVote, MSG.pollVote, MSG.qnaHost] as const;

const REASON_KEYS: Record<string, string> = Object.fromEntries(
  Object.entries(QNA_REJECTION).map(([name, message]) => [message, `qna.reason.${name}`]),
);

/** The i18n key that says why the server refused a Q&A message. */
export function qnaErrorKey(error: ErrorBody): string {
  if (error.code === ErrorCode.qnaRejected) return REASON_KEYS[error.message] ?? 'errors.qna_rejected';
  if (error.code === ErrorCode.rateLimited) return 'qna.reason.rateLimited';
  return `errors.${error.code}`;
}

/**
 * The Q&A through the room door: snapshots and the visitor's own part into the qna slice, refusals
 * claimed from the error path and shown in the panel. Every send names the event the arena shows.
 */
export function createQnaActions(door: RoomDoor, store: AppStore): QnaActions {
  door.on(MSG.qna, (snapshot) => store.getState().receiveQna(snapshot));
  door.on(MSG.qnaMine, (mine) => store.getState().setQnaMine(mine));
  for (const type of QNA_ERROR_TYPES) door.errors.claim({ type }, (error) => store.getState().setQnaError(qnaErrorKey(error)));
  const eventId = () => store.getState().venueEvent?.id;
  const sent = (ok: boolean) => {
    if (ok) store.getState().setQnaError(null);
    return ok;
  };
  return {
    ask(text) {
      const id = eventId();
      return id !== undefined && sent(door.send(MSG.qnaAsk, { eventId: id, text }));
    },
    upvote(questionId) {
      const id = eventId();
      return id !== undefined && sent(door.send(MSG.qnaVote, { eventId: id, questionId }));
    },
    votePoll(pollId, option) {
      const id = eventId();
      return id !== undefined && sent(door.send(MSG.pollVote, { eventId: id, pollId, option }));
    },
    host(command) {
      const id = eventId();
      return id !== undefined && sent(door.send(MSG.qnaHost, { ...command, eventId: id } as QnaHost));
    },
  };
}
