import { useTranslation } from 'react-i18next';
import { mayHostEvent } from '../../../shared/eventHosts.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { pollView, questionItems, shownQna } from './qnaLogic.ts';

/** The Q&A panel's model (DOM and in-world skins): ranked questions, the one on screen, the poll, and the actions. */
export function useQnaModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const eventId = useApp((s) => s.venueEvent?.id);
  const snapshot = shownQna(
    useApp((s) => s.qna),
    eventId,
  );
  const mine = useApp((s) => s.qnaMine);
  const errorKey = useApp((s) => s.qnaError);
  const isHost = useApp((s) => eventId !== undefined && mayHostEvent(s.visitor, eventId));
  return {
    title: t('qna.title'),
    eventId,
    hasEvent: eventId !== undefined,
    isHost,
    questions: questionItems(snapshot, mine),
    onScreen: snapshot?.onScreen ?? null,
    poll: pollView(snapshot?.poll ?? null, mine),
    error: errorKey ? t(errorKey) : null,
    ask: (text: string) => connection.qna.ask(text),
    upvote: (questionId: string) => connection.qna.upvote(questionId),
    votePoll: (pollId: string, option: number) => connection.qna.votePoll(pollId, option),
    close: () => store.getState().closePanel(),
  };
}

export type QnaModel = ReturnType<typeof useQnaModel>;
