import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../../client/state/createAppStore.ts';
import type { QnaSnapshot } from '../../../../shared/qna.ts';
import { memoryStorage } from '../support/memoryStorage.ts';

const snap = (eventId: string, seq: number): QnaSnapshot => ({
  eventId,
  seq,
  questions: [],
  onScreen: null,
  answered: [],
  poll: null,
});

describe('receiveQna', () => {
  it('keeps the newest copy of an event, and any copy of another event', () => {
    const store = createAppStore({ storage: memoryStorage() });
    store.getState().receiveQna(snap('launch-1', 5));
    store.getState().receiveQna(snap('launch-1', 3));
    expect(store.getState().qna?.seq).toBe(5);
    store.getState().receiveQna(snap('launch-1', 6));
    expect(store.getState().qna?.seq).toBe(6);
    store.getState().receiveQna(snap('launch-2', 1));
    expect(store.getState().qna).toMatchObject({ eventId: 'launch-2', seq: 1 });
  });
});
