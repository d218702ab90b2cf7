import { mayHostEvent } from '../../../shared/eventHosts.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { pollView, questionItems, shownQna } from '../qna/qnaLogic.ts';

/** The host's Q&A controls: ranked questions to pick or hide, the one on screen, the poll to open or close. */
export function useQnaHostModel() {
  const { connection } = useServices();
  const eventId = useApp((s) => s.venueEvent?.id);
  const snapshot = shownQna(
    useApp((s) => s.qna),
    eventId,
  );
  const allowed = useApp((s) => eventId !== undefined && mayHostEvent(s.visitor, eventId));
  const poll = pollView(snapshot?.poll ?? null, null);
  const { host } = connection.qna;
  return {
    allowed,
    questions: questionItems(snapshot, null),
    onScreen: snapshot?.onScreen ?? null,
    poll,
    pollOpen: poll?.open === true,
    pick: (questionId: string) => host({ action: 'pick', questionId }),
    hide: (questionId: string) => host({ action: 'hide', questionId }),
    done: () => host({ action: 'done' }),
    openPoll: (question: string, options: string[]) => host({ action: 'openPoll', question, options }),
    closePoll: () => host({ action: 'closePoll' }),
  };
}
