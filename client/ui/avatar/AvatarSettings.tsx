import { useTranslation } from 'react-i18next';
import { useAvatarModel } from './useAvatarModel.ts';
import { colourNameKey } from './profileLogic.ts';
import '../squad/squad.css';

function ColourRow({
  id,
  label,
  value,
  swatches,
  set,
}: {
  id: string;
  label: string;
  value: string;
  swatches: { color: string; selected: boolean }[];
  set: (color: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="avatar-colours">
      <span>{label}</span>
      <div className="avatar-swatches">
        {swatches.map((s) => (
          <button
            key={s.color}
            type="button"
            className={`avatar-swatch ${s.selected ? 'selected' : ''}`}
            style={{ background: s.color }}
            aria-label={t(colourNameKey(s.color))}
            aria-pressed={s.selected}
            data-testid={`avatar-${id}-swatch`}
            onClick={() => set(s.color)}
          />
        ))}
        <input
          type="color"
          value={value}
          aria-label={label}
          data-testid={`avatar-${id}-picker`}
          onChange={(e) => set(e.target.value)}
        />
      </div>
    </div>
  );
}

/** Avatar customisation in the settings menu: name, body colour, jersey colour and number. */
export function AvatarSettings() {
  const { t } = useTranslation();
  const m = useAvatarModel();
  return (
    <fieldset className="avatar-settings" data-testid="avatar-settings">
      <legend>{m.title}</legend>
      <label>
        <span>{t('avatar.name')}</span>
        <input
          data-testid="avatar-name"
          value={m.name}
          maxLength={24}
          aria-invalid={!m.nameValid}
          onChange={(e) => m.setName(e.target.value)}
          onBlur={m.commitName}
        />
      </label>
      <ColourRow id="color" label={t('avatar.body')} value={m.color} swatches={m.colorSwatches} set={m.setColor} />
      <ColourRow
        id="jersey"
        label={t('avatar.jersey')}
        value={m.jerseyColor}
        swatches={m.jerseySwatches}
        set={m.setJerseyColor}
      />
      <label>
        <span>{t('avatar.number')}</span>
        <input
          data-testid="avatar-number"
          inputMode="numeric"
          maxLength={2}
          placeholder={t('avatar.noNumber')}
          value={m.jerseyNumber}
          onChange={(e) => m.setJerseyNumber(e.target.value)}
        />
      </label>
    </fieldset>
  );
}
