import { useTranslation } from 'react-i18next';

export interface CardNumberFieldProps {
  value: string;
  valid: boolean;
  onChange: (value: string) => void;
  testId: string;
}

/** The card number input of checkout and group buy (DOM), with its "not a card number" line. */
export function CardNumberField({ value, valid, onChange, testId }: CardNumberFieldProps) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">
        <span className="field-label">{t('checkout.card')}</span>
        <input
          data-testid={testId}
          inputMode="numeric"
          autoComplete="cc-number"
          value={value}
          aria-invalid={!valid}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      {!valid && <p className="error">{t('checkout.cardInvalid')}</p>}
    </>
  );
}
