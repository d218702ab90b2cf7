import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../../../client/i18n/i18n.ts';
import { countdownAt, type EventTimes } from '../../../../../client/ui/events/countdown.ts';
import { countdownLabel, formatDaysAway, formatEventStart } from '../../../../../client/ui/events/eventText.ts';

const START = Date.parse('2026-12-07T21:00:00Z');
const times: EventTimes = { startsAtMs: START, endsAtMs: START + 3_600_000, countdownMs: 300_000, revealMs: 20_000 };

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

describe('formatEventStart', () => {
  it("formats the start in the visitor's language and time zone", () => {
    expect(formatEventStart(START, 'en', 'UTC')).toBe('Mon, Dec 7, 9:00 PM UTC');
    expect(formatEventStart(START, 'en', 'America/New_York')).toBe('Mon, Dec 7, 4:00 PM EST');
    expect(formatEventStart(START, 'zh-CN', 'Asia/Shanghai')).toBe('12月8日周二 GMT+8 05:00');
  });
});

describe('formatDaysAway', () => {
  it('rounds to whole days in either language', () => {
    expect(formatDaysAway(1.4 * 86_400_000, 'en')).toBe('in 1 day');
    expect(formatDaysAway(2.6 * 86_400_000, 'en')).toBe('in 3 days');
    expect(formatDaysAway(2.6 * 86_400_000, 'zh-CN')).toBe('3天后');
  });
});

describe('countdownLabel', () => {
  const label = (t: TFunction, now: number, locale: 'en' | 'zh-CN') => countdownLabel(t, countdownAt(times, now), locale);

  it('says each phase in English', () => {
    expect(label(en, START - 299_000, 'en')).toBe('live in 04:59');
    expect(label(en, START - 7_200_000, 'en')).toBe('live in 2:00:00');
    expect(label(en, START - 24 * 3_600_000, 'en')).toBe('live in 24:00:00');
    expect(label(en, START - 2 * 86_400_000, 'en')).toBe('in 2 days');
    expect(label(en, START + 1, 'en')).toBe('Revealing now');
    expect(label(en, START + 60_000, 'en')).toBe('Live now');
    expect(label(en, START + 3_600_000, 'en')).toBe('Ended');
  });

  it('says each phase in Simplified Chinese', () => {
    expect(label(zh, START - 299_000, 'zh-CN')).toBe('04:59 后开售');
    expect(label(zh, START - 3 * 86_400_000, 'zh-CN')).toBe('3天后');
    expect(label(zh, START + 1, 'zh-CN')).toBe('正在揭晓');
    expect(label(zh, START + 60_000, 'zh-CN')).toBe('正在开售');
    expect(label(zh, START + 3_600_000, 'zh-CN')).toBe('已结束');
  });

  it('puts the title first in both languages', () => {
    expect(en('events.line', { title: 'Court Runner 3', label: 'live in 04:59' })).toBe('Court Runner 3 — live in 04:59');
    expect(zh('events.line', { title: '疾风 3', label: '正在开售' })).toBe('疾风 3：正在开售');
  });
});
