import { Container, Text } from '@react-three/uikit';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../state/context.tsx';
import { QUICK_PHRASES, useChatModel } from './useChatModel.ts';
import { XR_THEME, XrButton, XrLabel } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { useKeyboardBridge } from '../shared/useKeyboardBridge.ts';

/** Lines shown in the headset: the latest few, so the panel stays at arm's length. */
const XR_LINES = 6;

/**
 * The chat's in-world skin (opened from the headset menu): the active channel's latest lines with
 * names in their senders' colours, channel chips, a message field (pointing at it brings up the
 * headset's system keyboard through a focused HTML input), reactions (by name) and quick phrases to
 * send without a keyboard.
 */
export function XrChatPanel() {
  const m = useChatModel();
  const { t } = useTranslation();
  const { store } = useServices();
  const lines = m.lines.slice(-XR_LINES);
  const typing = useKeyboardBridge(m.draft, m.setDraft, () => m.send());
  return (
    <XrPanelFrame title={m.title} name="chat-panel" onClose={() => store.getState().closePanel()} width={540}>
      <Container flexDirection="row" gap={8}>
        {m.channels.map((c) => (
          <XrButton
            key={c.value}
            name={`chat-channel-${c.value}`}
            label={c.label}
            variant={c.selected ? 'selected' : 'chip'}
            onClick={() => m.setChannel(c.value)}
          />
        ))}
      </Container>
      <Container flexDirection="column" gap={6} minHeight={120}>
        {lines.length === 0 && (
          <Text fontSize={16} color={XR_THEME.muted}>
            {m.emptyText}
          </Text>
        )}
        {lines.map((line) => (
          <Container key={line.id} flexDirection="row" gap={8} alignItems="flex-start">
            <Text fontSize={17} fontWeight="bold" color={line.blocked ? XR_THEME.muted : line.color} flexShrink={0}>
              {line.name}
            </Text>
            <Text fontSize={17} color={line.blocked ? XR_THEME.muted : XR_THEME.text} flexShrink={1}>
              {line.blocked ? m.blockedText : line.text}
            </Text>
          </Container>
        ))}
      </Container>
      {(m.error ?? (m.inputDisabled ? m.placeholder : null)) && (
        <Text fontSize={15} color={XR_THEME.out}>
          {m.error ?? m.placeholder}
        </Text>
      )}
      <Container flexDirection="row" gap={8} alignItems="center">
        <XrButton
          name="chat-input"
          label={m.draft === '' ? m.placeholder : m.draft}
          variant="chip"
          fontSize={16}
          disabled={m.inputDisabled}
          onClick={() => typing.focus()}
        />
        <Text fontSize={14} color={XR_THEME.muted}>
          {m.counter}
        </Text>
        <XrButton name="chat-xr-send" label={m.sendLabel} disabled={!m.canSend} onClick={() => m.send()} />
      </Container>
      <XrLabel>{t('chat.reactions')}</XrLabel>
      <Container flexDirection="row" gap={6} flexWrap="wrap">
        {m.reactions.map((r, i) => (
          // NOTE: the MSDF font has no emoji, so reactions go by name here; a uikit Image with the emoji
          // atlas's canvas texture threw "the image component can not have any children" on mount (uikit 1.0.76).
          <XrButton key={r.emoji} name={`chat-react-${i}`} label={r.label} fontSize={15} onClick={() => m.react(r.emoji)} />
        ))}
      </Container>
      <XrLabel>{t('chat.quickTitle')}</XrLabel>
      <Container flexDirection="row" gap={8} flexWrap="wrap">
        {m.quickPhrases.map((phrase, i) => (
          <XrButton
            key={QUICK_PHRASES[i]}
            name={`chat-quick-${QUICK_PHRASES[i]}`}
            label={phrase}
            disabled={m.inputDisabled}
            fontSize={16}
            onClick={() => m.send(phrase)}
          />
        ))}
      </Container>
    </XrPanelFrame>
  );
}
