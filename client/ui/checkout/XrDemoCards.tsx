import { Container } from '@react-three/uikit';
import { DEMO_APPROVE_CARD, DEMO_DECLINE_CARD } from '../../../shared/demoPay.ts';
import { XrButton } from '../shared/XrKit.tsx';
import { cardDigits } from './cardForm.ts';

/** The two demo cards a headset visitor picks from: there is no keyboard to type a number with. */
export const XR_DEMO_CARDS = [DEMO_APPROVE_CARD, DEMO_DECLINE_CARD] as const;

/**
 * The demo cards as chips, the chosen one selected (`cardNumber` as typed, spaces or not); buttons are
 * named `<name>-0`, `<name>-1`. The picker gives the number only: the model adds expiry and CVC.
 */
export function XrDemoCards({
  cardNumber,
  onPick,
  name,
  fontSize = 15,
}: {
  cardNumber: string;
  onPick: (card: string) => void;
  name: string;
  fontSize?: number;
}) {
  return (
    <Container flexDirection="row" gap={6}>
      {XR_DEMO_CARDS.map((card, i) => (
        <XrButton
          key={card}
          label={card}
          name={`${name}-${i}`}
          variant={cardDigits(cardNumber) === card ? 'selected' : 'chip'}
          fontSize={fontSize}
          grow
          onClick={() => onPick(card)}
        />
      ))}
    </Container>
  );
}
