import { useTranslation } from 'react-i18next';
import { useApp, useServices } from '../../state/context.tsx';
import { type ComfortSettings, SNAP_DEGREES } from '../../state/settingsSlice.ts';

/** One choice in a settings row: its value and translated label. */
export interface SettingsOption<V> {
  value: V;
  label: string;
  selected: boolean;
}

function options<V extends string | number | boolean>(values: readonly V[], current: V, label: (v: V) => string) {
  return values.map((value): SettingsOption<V> => ({ value, label: label(value), selected: value === current }));
}

/**
 * The comfort settings model, shared by the DOM menu (desktop/phone) and the in-world panel (XR):
 * each row's title, its options with labels, and a setter that also remembers the choice.
 */
export function useSettingsModel() {
  const { t } = useTranslation();
  const { store } = useServices();
  const settings = useApp((s) => s.settings);
  const update = (patch: Partial<ComfortSettings>) => store.getState().updateSettings(patch);
  return {
    title: t('settings.title'),
    settings,
    locomotion: {
      label: t('settings.locomotion'),
      options: options(['teleport', 'smooth'] as const, settings.locomotion, (v) => t(`settings.locomotionOption.${v}`)),
      set: (locomotion: ComfortSettings['locomotion']) => update({ locomotion }),
    },
    turn: {
      label: t('settings.turn'),
      options: options(['snap', 'smooth'] as const, settings.turn, (v) => t(`settings.turnOption.${v}`)),
      set: (turn: ComfortSettings['turn']) => update({ turn }),
    },
    snapDegrees: {
      label: t('settings.snapDegrees'),
      options: options(SNAP_DEGREES, settings.snapDegrees, (v) => t('settings.degrees', { count: v })),
      set: (snapDegrees: ComfortSettings['snapDegrees']) => update({ snapDegrees }),
    },
    vignette: {
      label: t('settings.vignette'),
      options: options([true, false] as const, settings.vignette, (v) => t(v ? 'settings.on' : 'settings.off')),
      set: (vignette: boolean) => update({ vignette }),
    },
  };
}

export type SettingsModel = ReturnType<typeof useSettingsModel>;
