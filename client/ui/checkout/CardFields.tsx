import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardField } from './cardForm.ts';
import type { CardFormModel } from './useCardForm.ts';

export interface CardFieldsProps {
  card: CardFormModel;
  /** Names the inputs for tests: `<testId>-input` (number), `<testId>-expiry`, `<testId>-cvc`. */
  testId: string;
}

const AUTOCOMPLETE: Record<CardField, string> = { number: 'cc-number', expiry: 'cc-exp', cvc: 'cc-csc' };
const MAX_LENGTH: Record<CardField, number> = { number: 23, expiry: 7, cvc: 4 };

/** The card of checkout and group buy (DOM): number, expiry and CVC, each with what is wrong with it. */
export function CardFields({ card, testId }: CardFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const field = (name: CardField, label: string, suffix: string, placeholder?: string) => {
    const error = card.errors[name];
    return (
      <label className="field">
        <span className="field-label">{label}</span>
        <input
          data-testid={`${testId}-${suffix}`}
          inputMode="numeric"
          autoComplete={AUTOCOMPLETE[name]}
          maxLength={MAX_LENGTH[name]}
          placeholder={placeholder}
          value={card.form[name]}
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-${name}` : undefined}
          onChange={(e) => card.set(name, e.target.value)}
          onBlur={() => card.leave(name)}
        />
        {error && (
          <span className="error" id={`${id}-${name}`} data-testid={`${testId}-${suffix}-error`}>
            {error}
          </span>
        )}
      </label>
    );
  };
  return (
    <>
      {field('number', t('checkout.card'), 'input')}
      <div className="card-row">
        {field('expiry', t('checkout.expiry'), 'expiry', t('checkout.expiryPlaceholder'))}
        {field('cvc', t('checkout.cvc'), 'cvc')}
      </div>
    </>
  );
}
