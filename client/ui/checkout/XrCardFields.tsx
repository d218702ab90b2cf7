import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import { XR_THEME, XrButton, XrLabel } from '../shared/XrKit.tsx';
import { type KeyboardBridge, useKeyboardBridge } from '../shared/useKeyboardBridge.ts';
import type { CardField } from './cardForm.ts';
import type { CardFormModel } from './useCardForm.ts';
import { fieldShown, nextCardField } from './xrCardEntry.ts';

export interface XrCardFieldsProps {
  card: CardFormModel;
  /** Names the field buttons `<name>-number`, `<name>-expiry`, `<name>-cvc` and their hidden inputs `<name>-<field>-input`. */
  name: string;
  /** The keyboard's Enter in the last field (CVC): pay. */
  onDone: () => void;
  fontSize?: number;
}

const MAX_LENGTH: Record<CardField, number> = { number: 23, expiry: 7, cvc: 4 };

/**
 * The card of checkout and group buy in-world: the DOM form's fields (number, expiry, CVC) on the same
 * model (`useCardForm`: the same checks, the same tokenization). Pointing at a field focuses a hidden
 * input, which brings up the headset's system keyboard (see useKeyboardBridge); Enter moves to the
 * next field and, after the CVC, pays. A field's problem shows once the visitor has moved on from it.
 */
export function XrCardFields({ card, name, onDone, fontSize = 16 }: XrCardFieldsProps) {
  const { t } = useTranslation();
  const [active, setActive] = useState<CardField | null>(null);
  const bridges: Record<CardField, KeyboardBridge> = {
    number: useCardBridge(card, 'number', name, () => focus('expiry'), onDone),
    expiry: useCardBridge(card, 'expiry', name, () => focus('cvc'), onDone),
    cvc: useCardBridge(card, 'cvc', name, () => focus(null), onDone),
  };
  function focus(field: CardField | null) {
    if (active && active !== field) card.leave(active);
    setActive(field);
    if (field) bridges[field].focus();
  }

  const field = (which: CardField, label: string, placeholder: string) => (
    <Container flexDirection="column" gap={4} flexGrow={1}>
      <XrLabel>{label}</XrLabel>
      <XrButton
        name={`${name}-${which}`}
        label={fieldShown(which, card.form[which], placeholder)}
        variant={active === which ? 'selected' : 'chip'}
        fontSize={fontSize}
        onClick={() => focus(which)}
      />
      {card.errors[which] && (
        <Text fontSize={13} color={XR_THEME.out}>
          {card.errors[which]}
        </Text>
      )}
    </Container>
  );
  return (
    <Container flexDirection="column" gap={6}>
      {field('number', t('checkout.card'), '0000 0000 0000 0000')}
      <Container flexDirection="row" gap={8}>
        {field('expiry', t('checkout.expiry'), t('checkout.expiryPlaceholder'))}
        {field('cvc', t('checkout.cvc'), '123')}
      </Container>
    </Container>
  );
}

/** One field's keyboard: typing sets the field, Enter goes on (or pays after the CVC). */
function useCardBridge(card: CardFormModel, field: CardField, name: string, onNext: () => void, onDone: () => void) {
  return useKeyboardBridge(
    card.form[field],
    (text) => card.set(field, text),
    () => {
      onNext();
      if (!nextCardField(field)) onDone();
    },
    { inputMode: 'numeric', maxLength: MAX_LENGTH[field], testId: `${name}-${field}-input` },
  );
}
