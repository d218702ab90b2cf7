import { describe, expect, it } from 'vitest';
import { fieldShown, nextCardField } from '../../../../../client/ui/checkout/xrCardEntry.ts';

describe('typing a card in-world', () => {
  it('moves from number to expiry to CVC on Enter, and pays after the CVC', () => {
    expect(nextCardField('number')).toBe('expiry');
    expect(nextCardField('expiry')).toBe('cvc');
    expect(nextCardField('cvc')).toBeNull();
  });

  it('shows the number in groups of four, the CVC as dots, and the placeholder for an empty field', () => {
    expect(fieldShown('number', '4000000000000002', '')).toBe('4000 0000 0000 0002');
    expect(fieldShown('expiry', '12/29', 'MM/YY')).toBe('12/29');
    expect(fieldShown('cvc', '123', '')).toBe('•••');
    expect(fieldShown('expiry', '', 'MM/YY')).toBe('MM/YY');
    expect(fieldShown('cvc', '  ', 'CVC')).toBe('CVC');
  });
});
