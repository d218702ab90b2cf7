/** Props of the − / quantity / + control used by the product card and the cart lines. */
export interface QuantityStepperProps {
  value: number;
  /** Accessible names (translated) of the group and its two buttons. */
  label: string;
  decreaseLabel: string;
  increaseLabel: string;
  canDecrease?: boolean;
  canIncrease?: boolean;
  onDecrease: () => void;
  onIncrease: () => void;
  /** Test ids: `${testId}-decrease`, `${testId}-increase` and `valueTestId` for the number. */
  testId: string;
  valueTestId: string;
  small?: boolean;
}

/** A quantity stepper: two buttons around the number, grouped under one accessible name. */
export function QuantityStepper({
  value,
  label,
  decreaseLabel,
  increaseLabel,
  canDecrease = true,
  canIncrease = true,
  onDecrease,
  onIncrease,
  testId,
  valueTestId,
  small = false,
}: QuantityStepperProps) {
  return (
    <fieldset className={small ? 'stepper small' : 'stepper'} aria-label={label}>
      <button
        type="button"
        data-testid={`${testId}-decrease`}
        aria-label={decreaseLabel}
        disabled={!canDecrease}
        onClick={onDecrease}
      >
        −
      </button>
      <output data-testid={valueTestId}>{value}</output>
      <button
        type="button"
        data-testid={`${testId}-increase`}
        aria-label={increaseLabel}
        disabled={!canIncrease}
        onClick={onIncrease}
      >
        +
      </button>
    </fieldset>
  );
}
