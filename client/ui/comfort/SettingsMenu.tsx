import type { SettingsOption } from './useSettingsModel.ts';
import { useSettingsModel } from './useSettingsModel.ts';
import { AvatarSettings } from '../avatar/AvatarSettings.tsx';

interface SettingsRowProps<V> {
  id: string;
  row: { label: string; options: SettingsOption<V>[]; set: (value: V) => void };
}

function SettingsRow<V>({ id, row }: SettingsRowProps<V>) {
  return (
    <label>
      <span>{row.label}</span>
      <select
        data-testid={`settings-${id}`}
        value={String(row.options.findIndex((o) => o.selected))}
        onChange={(e) => {
          const option = row.options[Number(e.target.value)];
          if (option) row.set(option.value);
        }}
      >
        {row.options.map((o, i) => (
          <option key={String(o.value)} value={String(i)}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The comfort settings' DOM skin: a small drop-down in the HUD (the headset gets an in-world skin). */
export function SettingsMenu() {
  const m = useSettingsModel();
  return (
    <details className="settings-menu" data-testid="settings-menu">
      <summary className="button ghost">{m.title}</summary>
      <div className="settings-body">
        <AvatarSettings />
        <SettingsRow id="locomotion" row={m.locomotion} />
        <SettingsRow id="turn" row={m.turn} />
        <SettingsRow id="snap-degrees" row={m.snapDegrees} />
        <SettingsRow id="vignette" row={m.vignette} />
      </div>
    </details>
  );
}
