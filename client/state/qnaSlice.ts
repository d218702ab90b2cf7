import type { QnaMine, QnaSnapshot } from '../../shared/qna.ts';
import type { SliceCreator } from './createAppStore.ts';

export interface QnaSlice {
  /** The latest Q&A of the event the arena shows (null before the room sends one). */
  qna: QnaSnapshot | null;
  /** This visitor's own questions, upvotes and poll vote in that event. */
  qnaMine: QnaMine | null;
  /** The i18n key of why the last question, upvote, vote or host command was refused, until the next. */
  qnaError: string | null;
  /** Keeps a snapshot unless it is older than the one held for the same event (`seq`). */
  receiveQna: (snapshot: QnaSnapshot) => void;
  setQnaMine: (mine: QnaMine) => void;
  setQnaError: (key: string | null) => void;
}

/** Q&A and polls as the room last said (shared/qna.ts). */
export const createQnaSlice: SliceCreator<QnaSlice> = (set, get) => ({
  qna: null,
  qnaMine: null,
  qnaError: null,
  receiveQna: (snapshot) => {
    const held = get().qna;
    if (held && held.eventId === snapshot.eventId && held.seq > snapshot.seq) return;
    set({ qna: snapshot });
  },
  setQnaMine: (qnaMine) => set({ qnaMine }),
  setQnaError: (qnaError) => set({ qnaError }),
});
