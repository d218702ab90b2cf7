import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { resources } from '../../../../../client/i18n/i18n.ts';
import { stageLine } from '../../../../../client/ui/events/stageVoiceText.ts';

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

describe('stageLine', () => {
  it('names the direct stage: its seats when full, and to the host how many listen', () => {
    const direct = { max: 8, listening: 3 };
    expect(stageLine(en, 'full', direct)).toBe(
      'Stage voice is direct from the host: full (8 listeners). Use a media server for more.',
    );
    expect(stageLine(en, 'onAir', direct)).toBe('On air · 3 of 8 listening');
    expect(stageLine(zh, 'onAir', direct)).toBe('直播中 · 3/8 人在听');
    expect(stageLine(zh, 'full', direct)).toContain('8 位听众');
    expect(stageLine(en, 'listening', direct)).toContain('direct from the host');
  });

  it('says what it said before with a media server, and nothing when off', () => {
    expect(stageLine(en, 'onAir', null)).toBe('On air: every visitor hears you');
    expect(stageLine(en, 'listening', null)).toBe('The host is on stage: listening');
    expect(stageLine(en, 'off', { max: 8, listening: 0 })).toBe('');
  });
});
