import { Container, Text } from '@react-three/uikit';
import { XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { shortHash } from './raffleLogic.ts';
import { useRaffleModel } from './useRaffleModel.ts';

/**
 * The raffle card in-world, on the same model as the DOM one: its steps (hashes shortened), the
 * visitor's entry and result, and `xr-button:raffle-enter` while it is open. The full proof view is the
 * browser's (events page).
 */
export function XrRaffleBox({ eventId }: { eventId: string | null }) {
  const m = useRaffleModel(eventId);
  if (!m) return null;
  return (
    <Container flexDirection="column" gap={4} padding={10} borderRadius={10} borderWidth={1} borderColor={XR_THEME.line}>
      <Text fontSize={15} fontWeight="bold" color={XR_THEME.low}>
        {m.title}
      </Text>
      {m.status && (
        <Text fontSize={17} fontWeight="bold" color={m.won ? XR_THEME.ok : XR_THEME.text}>
          {m.status}
        </Text>
      )}
      {m.mine && (
        <Text fontSize={15} color={XR_THEME.text}>
          {m.mine}
        </Text>
      )}
      {m.facts.map((f) => (
        <Text key={f.id} fontSize={13} color={XR_THEME.muted}>
          {`${f.label}: ${f.id === 'winners' ? f.value : shortHash(f.value)}`}
        </Text>
      ))}
      {m.failure && (
        <Text fontSize={15} color={XR_THEME.out}>
          {m.failure}
        </Text>
      )}
      {m.enterLabel && (
        <XrButton name="raffle-enter" label={m.enterLabel} variant="primary" disabled={m.busy} onClick={() => void m.enter()} />
      )}
    </Container>
  );
}
