import { describe, expect, it } from 'vitest';
import { CardDetails, DEMO_APPROVE_CARD, DEMO_CARDS } from '../../../../../shared/demoPay.ts';
import {
  cardProblems,
  demoCardForm,
  formatCardNumber,
  parseExpiry,
  testCards,
  toCardDetails,
} from '../../../../../client/ui/checkout/cardForm.ts';

const now = new Date('2026-03-15T12:00:00Z');
const good = { number: '4242 4242 4242 4242', expiry: '12/29', cvc: '123' };

describe('the card form', () => {
  it('reads the expiry as MM/YY (or M/YY, MM/YYYY) and nothing else', () => {
    expect(parseExpiry('12/29')).toEqual({ expMonth: 12, expYear: 2029 });
    expect(parseExpiry(' 3 / 27 ')).toEqual({ expMonth: 3, expYear: 2027 });
    expect(parseExpiry('03/2031')).toEqual({ expMonth: 3, expYear: 2031 });
    for (const bad of ['13/29', '00/29', '1229', '12-29', '12/2', '', 'MM/YY']) expect(parseExpiry(bad), bad).toBeNull();
  });

  it('finds nothing wrong with the prefilled demo card, and hands the provider exactly what it takes', () => {
    expect(cardProblems(good, now)).toEqual({});
    const card = toCardDetails(good, now);
    expect(card).toEqual({ number: DEMO_APPROVE_CARD, expMonth: 12, expYear: 2029, cvc: '123' });
    expect(CardDetails.safeParse(card).success).toBe(true);
  });

  it('says what is wrong with each field, as the provider would', () => {
    expect(cardProblems({ number: '', expiry: '', cvc: '' }, now)).toEqual({
      number: 'numberMissing',
      expiry: 'expiryFormat',
      cvc: 'cvcInvalid',
    });
    // One digit off fails the Luhn check; too short is not a card number either.
    expect(cardProblems({ ...good, number: '4242 4242 4242 4241' }, now)).toEqual({ number: 'numberInvalid' });
    expect(cardProblems({ ...good, number: '4242' }, now)).toEqual({ number: 'numberInvalid' });
    expect(cardProblems({ ...good, number: '4242abcd42424242' }, now)).toEqual({ number: 'numberInvalid' });
    expect(cardProblems({ ...good, cvc: '12' }, now)).toEqual({ cvc: 'cvcInvalid' });
    expect(cardProblems({ ...good, cvc: '12a' }, now)).toEqual({ cvc: 'cvcInvalid' });
    expect(cardProblems({ ...good, cvc: '1234' }, now)).toEqual({});
    expect(toCardDetails({ ...good, cvc: '12' }, now)).toBeNull();
  });

  it('takes a card through the last day of its expiry month, and not after', () => {
    expect(cardProblems({ ...good, expiry: '03/26' }, now)).toEqual({});
    expect(cardProblems({ ...good, expiry: '02/26' }, now)).toEqual({ expiry: 'expired' });
    expect(cardProblems({ ...good, expiry: '12/25' }, now)).toEqual({ expiry: 'expired' });
  });

  it('prefills a demo card with a future expiry and CVC 123, ready to pay', () => {
    const form = demoCardForm(DEMO_APPROVE_CARD, now);
    expect(form).toEqual({ number: '4242 4242 4242 4242', expiry: '12/29', cvc: '123' });
    expect(cardProblems(form, now)).toEqual({});
    // Made in the last minute of a year, it is still years from expiring.
    const newYearsEve = new Date('2026-12-31T23:59:00Z');
    expect(demoCardForm(DEMO_APPROVE_CARD, newYearsEve).expiry).toBe('12/29');
    expect(cardProblems(demoCardForm(DEMO_APPROVE_CARD, newYearsEve), new Date('2029-12-31T23:59:00Z'))).toEqual({});
  });

  it('lists every test card of the provider, grouped by four', () => {
    expect(formatCardNumber('4000-0000-0000-0119')).toBe('4000 0000 0000 0119');
    const listed = testCards();
    expect(listed.map((c) => c.number.replace(/ /g, ''))).toEqual(Object.keys(DEMO_CARDS));
    expect(listed[0]).toEqual({ number: '4242 4242 4242 4242', outcome: 'approve' });
  });
});
