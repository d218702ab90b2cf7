import { Container, Text } from '@react-three/uikit';
import { XR_THEME, XrButton } from '../shared/XrKit.tsx';
import { useDropModel } from './useDropModel.ts';

/**
 * The drop card in-world, on the same model as the DOM one: the offer, `xr-button:drop-enter` while
 * the window is open, then the result (`xr-text:drop-status`) and `xr-button:drop-buy` for a held unit.
 */
export function XrDropBox({ eventId }: { eventId: string | null }) {
  const m = useDropModel(eventId);
  if (!m) return null;
  const good = m.kind === 'won' || m.kind === 'entered' || m.kind === 'bought';
  return (
    <Container flexDirection="column" gap={6} padding={10} borderRadius={10} borderWidth={2} borderColor={XR_THEME.accent}>
      <Text fontSize={15} fontWeight="bold" color={XR_THEME.low}>
        {m.title}
      </Text>
      <Text fontSize={15} color={XR_THEME.muted}>
        {m.offer}
      </Text>
      {m.status && (
        <Text
          ref={(t) => {
            if (t) t.name = 'xr-text:drop-status';
          }}
          fontSize={19}
          fontWeight="bold"
          color={good ? XR_THEME.ok : XR_THEME.text}
        >
          {m.status}
        </Text>
      )}
      {m.note && (
        <Text fontSize={14} color={XR_THEME.muted}>
          {m.note}
        </Text>
      )}
      {m.failure && (
        <Text fontSize={15} color={XR_THEME.out}>
          {m.failure}
        </Text>
      )}
      {m.enterLabel && <XrButton name="drop-enter" label={m.enterLabel} variant="primary" disabled={m.busy} onClick={m.enter} />}
      {m.buyLabel && <XrButton name="drop-buy" label={m.buyLabel} variant="primary" disabled={m.busy} onClick={m.buy} />}
    </Container>
  );
}
