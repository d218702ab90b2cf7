import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEMO_APPROVE_CARD, type CardDetails } from '../../../shared/demoPay.ts';
import { CARD_FIELDS, type CardField, type CardForm, cardProblems, demoCardForm, toCardDetails } from './cardForm.ts';

const NONE_SHOWN: Record<CardField, boolean> = { number: false, expiry: false, cvc: false };
const ALL_SHOWN: Record<CardField, boolean> = { number: true, expiry: true, cvc: true };

/**
 * The card fields of checkout and group buy, prefilled with the demo card that pays (a future expiry,
 * CVC 123) so a visitor can just press Pay. A field's problem shows once the visitor has left it, or
 * for every field when they try to pay.
 */
export function useCardForm() {
  const { t } = useTranslation();
  const [form, setForm] = useState<CardForm>(() => demoCardForm(DEMO_APPROVE_CARD, new Date()));
  const [shown, setShown] = useState(NONE_SHOWN);
  const problems = cardProblems(form, new Date());
  const errors = Object.fromEntries(
    CARD_FIELDS.map((field) => {
      const problem = problems[field];
      return [field, problem && shown[field] ? t(`checkout.cardProblem.${problem}`) : null];
    }),
  ) as Record<CardField, string | null>;

  return {
    form,
    errors,
    valid: Object.keys(problems).length === 0,
    set: (field: CardField, value: string) => setForm((f) => ({ ...f, [field]: value })),
    /** The visitor left the field: say what is wrong with it from now on. */
    leave: (field: CardField) => setShown((s) => (s[field] ? s : { ...s, [field]: true })),
    /** The card to hand to the payment provider, or null with every problem shown. */
    submit: (): CardDetails | null => {
      const card = toCardDetails(form, new Date());
      if (!card) setShown(ALL_SHOWN);
      return card;
    },
  };
}

export type CardFormModel = ReturnType<typeof useCardForm>;
