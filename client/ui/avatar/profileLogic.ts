import { DisplayName } from '../../../shared/api.ts';
import { defaultCurrencyFor, type Currency } from '../../../shared/money.ts';
import type { Locale } from '../../../shared/i18nText.ts';
import type { ProfileDraft } from '../../state/sessionSlice.ts';

/** Avatar colours offered as swatches on the entry screen (any colour can be picked besides). */
export const AVATAR_SWATCHES = ['#e4572e', '#f3a712', '#29bf12', '#00a5cf', '#3f4fe0', '#9b5de5', '#f15bb5', '#f4f4f4'] as const;

/** Each swatch's colour name (i18n key under `colourName.`), so a screen reader says "Flame red", not a hex code. */
const SWATCH_NAMES: Readonly<Record<string, string>> = {
  '#e4572e': 'flame',
  '#f3a712': 'amber',
  '#29bf12': 'green',
  '#00a5cf': 'sky',
  '#3f4fe0': 'royal',
  '#9b5de5': 'purple',
  '#f15bb5': 'pink',
  '#f4f4f4': 'white',
};

/** The i18n key naming an avatar colour: the swatch's name, or "custom colour" for any other. */
export function colourNameKey(color: string): string {
  return `colourName.${SWATCH_NAMES[color.toLowerCase()] ?? 'custom'}`;
}

/**
 * The profile after a language change: the currency follows the language unless the visitor chose a
 * currency themselves.
 */
export function withLocale(profile: ProfileDraft, locale: Locale, currencyChosen: boolean): ProfileDraft {
  return { ...profile, locale, currency: currencyChosen ? profile.currency : defaultCurrencyFor(locale) };
}

/** The profile's currency after the visitor picks one. */
export function withCurrency(profile: ProfileDraft, currency: Currency): ProfileDraft {
  return { ...profile, currency };
}

/** Whether the entry form can be sent: the display name is what the server accepts. */
export function isValidName(name: string): boolean {
  return DisplayName.safeParse(name).success;
}

/** A four-digit number for a guest's default name ("Guest 4821"), from a random number in [0, 1). */
export function guestNumber(random: number): number {
  return 1000 + Math.min(8999, Math.floor(random * 9000));
}

/**
 * The name a visitor enters with: what they typed, or the friendly default when they typed nothing
 * (the name is optional: typing on a headset's keyboard first is a chore; it can be changed later in
 * the avatar settings).
 */
export function nameOrGuest(typed: string, guest: string): string {
  return typed.trim() === '' ? guest : typed;
}
