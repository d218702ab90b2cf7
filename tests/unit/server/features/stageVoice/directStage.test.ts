import { describe, expect, it } from 'vitest';
import { createDirectStage, type StageSignalResult } from '../../../../../server/features/stageVoice/directStage.ts';

const E = 'launch-1';
const host = { session: 'h', mayHost: true };
const fan = (session: string) => ({ session, mayHost: false });
const sent = (r: StageSignalResult) => (r.ok ? r.deliveries.map((d) => `${d.event.kind}:${d.event.from}>${d.to}`) : r.error.code);

describe('createDirectStage', () => {
  it('seats listeners up to the limit, refuses the next with stage_full, and frees a seat on bye or leave', () => {
    const stage = createDirectStage(2);
    expect(sent(stage.signal(fan('a'), { kind: 'listen', eventId: E }))).toEqual(['seated:a>a']);
    expect(sent(stage.signal(fan('b'), { kind: 'listen', eventId: E }))).toEqual(['seated:b>b']);
    // Asking again keeps the seat and takes no other.
    expect(sent(stage.signal(fan('a'), { kind: 'listen', eventId: E }))).toEqual(['seated:a>a']);
    const full = stage.signal(fan('c'), { kind: 'listen', eventId: E });
    expect(sent(full)).toBe('stage_full');
    expect(full.ok ? '' : full.error.message).toContain('full (2 listeners)');
    expect(stage.listeners(E)).toBe(2);

    stage.signal(fan('a'), { kind: 'bye', eventId: E });
    expect(sent(stage.signal(fan('c'), { kind: 'listen', eventId: E }))).toEqual(['seated:c>c']);
    stage.leave('b');
    expect(stage.listeners(E)).toBe(1);
  });

  it('tells the host on air of every seated listener, now and later, and relays offers and answers between them only', () => {
    const stage = createDirectStage(8);
    stage.signal(fan('a'), { kind: 'listen', eventId: E });
    expect(sent(stage.signal(host, { kind: 'onAir', eventId: E, on: true }))).toEqual(['listen:a>h']);
    expect(sent(stage.signal(fan('b'), { kind: 'listen', eventId: E }))).toEqual(['seated:b>b', 'listen:b>h']);
    expect(sent(stage.signal(host, { kind: 'offer', eventId: E, to: 'a', sdp: 'o' }))).toEqual(['offer:h>a']);
    expect(sent(stage.signal(fan('a'), { kind: 'answer', eventId: E, sdp: 'x' }))).toEqual(['answer:a>h']);
    // Offers to someone without a seat, and answers from someone without one, go nowhere.
    expect(sent(stage.signal(host, { kind: 'offer', eventId: E, to: 'z', sdp: 'o' }))).toBe('not_found');
    expect(sent(stage.signal(fan('z'), { kind: 'answer', eventId: E, sdp: 'x' }))).toBe('forbidden');
    expect(sent(stage.signal(fan('a'), { kind: 'bye', eventId: E }))).toEqual(['bye:a>h']);
    // Off air: the listeners left hear bye and keep their seats.
    expect(sent(stage.signal(host, { kind: 'onAir', eventId: E, on: false }))).toEqual(['bye:h>b']);
    expect(stage.listeners(E)).toBe(1);
    expect(sent(stage.signal(fan('b'), { kind: 'answer', eventId: E, sdp: 'x' }))).toBe('not_found');
  });

  it('lets no visitor act as the sender: no going on air, no offers, not even from a seated listener', () => {
    const stage = createDirectStage(8);
    stage.signal(fan('a'), { kind: 'listen', eventId: E });
    stage.signal(fan('b'), { kind: 'listen', eventId: E });
    expect(sent(stage.signal(fan('a'), { kind: 'onAir', eventId: E, on: true }))).toBe('forbidden');
    expect(sent(stage.signal(fan('a'), { kind: 'offer', eventId: E, to: 'b', sdp: 'o' }))).toBe('forbidden');
    // A second host session cannot take over the one on air; the first leaving ends its stage.
    stage.signal(host, { kind: 'onAir', eventId: E, on: true });
    expect(sent(stage.signal({ session: 'h2', mayHost: true }, { kind: 'onAir', eventId: E, on: true }))).toBe('forbidden');
    expect(stage.leave('h').map((d) => `${d.event.kind}>${d.to}`)).toEqual(['bye>a', 'bye>b']);
    expect(sent(stage.signal(host, { kind: 'offer', eventId: E, to: 'a', sdp: 'o' }))).toBe('forbidden');
  });
});
