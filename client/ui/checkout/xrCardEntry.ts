import { type CardField, formatCardNumber } from './cardForm.ts';

/** The field the keyboard's Enter moves to from `field`; null after the CVC (Enter there pays). */
export function nextCardField(field: CardField): CardField | null {
  if (field === 'number') return 'expiry';
  if (field === 'expiry') return 'cvc';
  return null;
}

/**
 * What an in-world card field shows: the number in groups of four, the CVC as dots (the panel is
 * seen by whoever stands beside the visitor), the placeholder while the field is empty.
 */
export function fieldShown(field: CardField, value: string, placeholder: string): string {
  if (value.trim() === '') return placeholder;
  if (field === 'number') return formatCardNumber(value);
  if (field === 'cvc') return '•'.repeat(value.trim().length);
  return value;
}
