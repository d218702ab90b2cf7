import { Container } from '@react-three/uikit';
import { useServices } from '../../state/context.tsx';
import { type SettingsOption, useSettingsModel } from './useSettingsModel.ts';
import { useTranslation } from 'react-i18next';
import { XrButton, XrLabel } from '../shared/XrKit.tsx';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XrVoiceControls } from '../voice/XrVoiceControls.tsx';
import { XrEventButton } from '../events/XrEventButton.tsx';
import { XrQnaButton } from '../qna/XrQnaButton.tsx';

interface XrSettingsRowProps<V> {
  id: string;
  row: { label: string; options: SettingsOption<V>[]; set: (value: V) => void };
}

/** One comfort row as chips; each chip is `xr-button:settings-<id>-<value>` so the ray can hit it. */
function XrSettingsRow<V>({ id, row }: XrSettingsRowProps<V>) {
  return (
    <Container flexDirection="column" gap={6}>
      <XrLabel>{row.label}</XrLabel>
      <Container flexDirection="row" gap={8} flexWrap="wrap">
        {row.options.map((o) => (
          <XrButton
            key={String(o.value)}
            name={`settings-${id}-${String(o.value)}`}
            label={o.label}
            variant={o.selected ? 'selected' : 'chip'}
            onClick={() => row.set(o.value)}
          />
        ))}
      </Container>
    </Container>
  );
}

/**
 * The headset menu (left X / menu button): the next launch's countdown (opening the events panel),
 * Watch in 360°, then the comfort settings (the XR twin of SettingsMenu, on the same model).
 */
export function XrSettingsPanel() {
  const m = useSettingsModel();
  const { store } = useServices();
  const { t } = useTranslation();
  return (
    <XrPanelFrame title={m.title} name="settings-panel" onClose={() => store.getState().closePanel()} width={480}>
      <XrLabel>{t('match.menu')}</XrLabel>
      <XrEventButton />
      <XrQnaButton />
      <XrButton name="match-360" label={t('match.watch360')} variant="primary" onClick={() => store.getState().enter360()} />
      <XrButton name="open-directory" label={t('directory.open')} onClick={() => store.getState().openPanel('directory')} />
      <XrButton name="chat-open" label={t('chat.title')} onClick={() => store.getState().openPanel('chat')} />
      <XrButton name="open-squad" label={t('squad.hud')} onClick={() => store.getState().openPanel('squad')} />
      <XrVoiceControls />
      <XrSettingsRow id="locomotion" row={m.locomotion} />
      <XrSettingsRow id="turn" row={m.turn} />
      <XrSettingsRow id="snap" row={m.snapDegrees} />
      <XrSettingsRow id="vignette" row={m.vignette} />
    </XrPanelFrame>
  );
}
