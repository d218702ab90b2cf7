import { describe, expect, it } from 'vitest';
import { AvatarColor } from '../../../../../shared/api.ts';
import { createAppStore } from '../../../../../client/state/createAppStore.ts';
import {
  AVATAR_SWATCHES,
  colourNameKey,
  guestNumber,
  isValidName,
  nameOrGuest,
  withCurrency,
  withLocale,
} from '../../../../../client/ui/avatar/profileLogic.ts';
import en from '../../../../../client/i18n/locales/en.json' with { type: 'json' };
import zh from '../../../../../client/i18n/locales/zh-CN.json' with { type: 'json' };

describe('entry profile rules', () => {
  it('lets the currency follow the language until the visitor picks one', () => {
    const profile = createAppStore().getState().profile;
    const zh = withLocale(profile, 'zh-CN', false);
    expect(zh).toMatchObject({ locale: 'zh-CN', currency: 'CNY' });
    expect(withLocale(zh, 'en', false).currency).toBe('USD');
    const chosen = withCurrency(zh, 'EUR');
    expect(withLocale(chosen, 'en', true)).toMatchObject({ locale: 'en', currency: 'EUR' });
  });

  it('accepts the names the server accepts', () => {
    expect(isValidName('Ada')).toBe(true);
    expect(isValidName('李雷')).toBe(true);
    expect(isValidName('   ')).toBe(false);
    expect(isValidName('x'.repeat(25))).toBe(false);
    expect(isValidName('<b>')).toBe(false);
  });

  it('offers only swatches the server accepts as avatar colours', () => {
    for (const c of AVATAR_SWATCHES) expect(AvatarColor.safeParse(c).success, c).toBe(true);
    expect(new Set(AVATAR_SWATCHES).size).toBe(AVATAR_SWATCHES.length);
  });
});

describe('colourNameKey', () => {
  it('names every swatch by a colour name in both languages, and any other colour as custom', () => {
    const keys = AVATAR_SWATCHES.map((c) => colourNameKey(c));
    expect(new Set(keys).size).toBe(AVATAR_SWATCHES.length);
    for (const key of keys) {
      const name = key.split('.')[1] as keyof typeof en.colourName;
      expect(en.colourName[name]).toMatch(/^[A-Z][a-z ]+$/);
      expect(zh.colourName[name]).toBeTruthy();
    }
    expect(colourNameKey('#E4572E')).toBe('colourName.flame');
    expect(colourNameKey('#123456')).toBe('colourName.custom');
  });
});

describe('the optional name', () => {
  it('gives a guest a four-digit number', () => {
    expect(guestNumber(0)).toBe(1000);
    expect(guestNumber(0.5)).toBe(5500);
    expect(guestNumber(0.999999)).toBe(9999);
  });

  it('enters with the typed name, or the guest name when nothing (or only spaces) was typed', () => {
    expect(nameOrGuest('Quinn', 'Guest 1234')).toBe('Quinn');
    expect(nameOrGuest('', 'Guest 1234')).toBe('Guest 1234');
    expect(nameOrGuest('   ', '访客 1234')).toBe('访客 1234');
    expect(isValidName(nameOrGuest('', 'Guest 1234'))).toBe(true);
    expect(isValidName(nameOrGuest('', '访客 1234'))).toBe(true);
  });
});
