import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../../../client/i18n/i18n.ts';
import { dropLine, formatDuration, raffleLine } from '../../../../../client/ui/events/recapText.ts';
import type { DropRecap, EventRecap } from '../../../../../shared/recap.ts';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  const make = async (lng: string) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
    return i18n.t;
  };
  en = await make('en');
  zh = await make('zh-CN');
});

const drop: DropRecap = {
  units: 100,
  drawnUnits: 100,
  entrants: 1_320,
  entryWindowMs: 60_000,
  drawnAt: '2026-12-07T21:05:00.000Z',
  bought: 100,
  firstBoughtAfterMs: 4_000,
  soldOutAfterMs: 185_000,
};

describe('formatDuration', () => {
  it('reads as seconds, minutes and seconds, or hours and minutes, in the visitor language', () => {
    expect(formatDuration(42_400, 'en')).toBe('42s');
    expect(formatDuration(185_000, 'en')).toBe('3m 5s');
    expect(formatDuration(300_000, 'en')).toBe('5m');
    expect(formatDuration(3_720_000, 'en')).toBe('1h 2m');
    expect(formatDuration(185_000, 'zh-CN')).toBe('3分钟 5秒');
  });
});

describe('dropLine', () => {
  it('says how many entered for how many units, then how fast the drawn units sold', () => {
    expect(dropLine(en, drop, 'en')).toBe('1,320 entered for 100 units · sold out 3m 5s after the draw');
    expect(dropLine(zh, drop, 'zh-CN')).toBe('1,320 人参与，共 100 件 · 抽签后 3分钟 5秒 售罄');
  });

  it('before the draw only the entrants; after it, how many of the drawn units are bought until they all are', () => {
    expect(dropLine(en, { ...drop, drawnUnits: null, drawnAt: null, bought: 0, soldOutAfterMs: null }, 'en')).toBe(
      '1,320 entered for 100 units',
    );
    expect(dropLine(en, { ...drop, bought: 61, soldOutAfterMs: null }, 'en')).toBe(
      '1,320 entered for 100 units · 61 of 100 bought',
    );
  });
});

describe('raffleLine', () => {
  const raffle = { state: 'revealed', entrantCount: 240, winners: ['0123456789abcdef'] } as NonNullable<EventRecap['raffle']>;
  it('names the winners drawn and the entries once revealed, and what is still to come before', () => {
    expect(raffleLine(en, raffle)).toBe('1 winner drawn from 240 entries');
    expect(raffleLine(zh, raffle)).toBe('从 240 个参与中抽出 1 位得主');
    expect(raffleLine(en, { ...raffle, state: 'closed', winners: null })).toBe('240 entered; the winners are not drawn yet');
    expect(raffleLine(en, { ...raffle, state: 'open', winners: null })).toBe('Entries not closed yet');
  });
});
