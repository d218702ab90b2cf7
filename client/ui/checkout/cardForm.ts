import { type CardDetails, DEMO_CARDS, type DemoOutcome, luhnValid, notExpired } from '../../../shared/demoPay.ts';

/** The card as the visitor types it: number (spaces allowed), expiry as `MM/YY`, CVC. */
export interface CardForm {
  number: string;
  expiry: string;
  cvc: string;
}

export type CardField = keyof CardForm;
export const CARD_FIELDS: readonly CardField[] = ['number', 'expiry', 'cvc'];

/** What can be wrong with a field; each is worded under `checkout.cardProblem.<problem>`. */
export const CARD_PROBLEMS = ['numberMissing', 'numberInvalid', 'expiryFormat', 'expired', 'cvcInvalid'] as const;
export type CardProblem = (typeof CARD_PROBLEMS)[number];

/** The digits of a card number as typed with spaces or dashes. */
export function cardDigits(number: string): string {
  return number.replace(/[\s-]/g, '');
}

/** A card number in groups of four, as printed on the card. */
export function formatCardNumber(number: string): string {
  return cardDigits(number).replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** `MM/YY` (or `M/YY`, `MM/YYYY`) as a month and a four-digit year; null when it is not one. */
export function parseExpiry(expiry: string): { expMonth: number; expYear: number } | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  if (!m) return null;
  const expMonth = Number(m[1]);
  const year = Number(m[2]);
  if (expMonth < 1 || expMonth > 12) return null;
  return { expMonth, expYear: m[2]!.length === 2 ? 2000 + year : year };
}

/**
 * What is wrong with each field, checked as the payment provider will check it (Luhn digit, expiry
 * month not over at `now`, a 3- or 4-digit CVC), so the visitor hears it before anything is sent.
 */
export function cardProblems(form: CardForm, now: Date): Partial<Record<CardField, CardProblem>> {
  const problems: Partial<Record<CardField, CardProblem>> = {};
  const digits = cardDigits(form.number);
  if (digits === '') problems.number = 'numberMissing';
  else if (!luhnValid(digits)) problems.number = 'numberInvalid';
  const expiry = parseExpiry(form.expiry);
  if (!expiry) problems.expiry = 'expiryFormat';
  else if (!notExpired(expiry.expMonth, expiry.expYear, now)) problems.expiry = 'expired';
  if (!/^\d{3,4}$/.test(form.cvc.trim())) problems.cvc = 'cvcInvalid';
  return problems;
}

/** The card for the payment provider, or null while a field is wrong. */
export function toCardDetails(form: CardForm, now: Date): CardDetails | null {
  const expiry = parseExpiry(form.expiry);
  if (!expiry || Object.keys(cardProblems(form, now)).length > 0) return null;
  return { number: cardDigits(form.number), ...expiry, cvc: form.cvc.trim() };
}

/** A demo card ready to pay with: December three years on, CVC 123. */
export function demoCardForm(number: string, now: Date): CardForm {
  const year = String((now.getUTCFullYear() + 3) % 100).padStart(2, '0');
  return { number: formatCardNumber(number), expiry: `12/${year}`, cvc: '123' };
}

/** The provider's test cards with what each does, in the order the demo note lists them. */
export function testCards(): { number: string; outcome: DemoOutcome }[] {
  return Object.entries(DEMO_CARDS).map(([number, card]) => ({ number: formatCardNumber(number), outcome: card.outcome }));
}
