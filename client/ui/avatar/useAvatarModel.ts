import { useTranslation } from 'react-i18next';
import { NO_JERSEY_NUMBER } from '../../../shared/together.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { AVATAR_SWATCHES, isValidName } from './profileLogic.ts';

/** A jersey number as typed: '' (or anything not 0–99) means no number. */
export function parseJerseyNumber(text: string): number {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return NO_JERSEY_NUMBER;
  return Number(trimmed);
}

/**
 * The avatar customisation model: name and body colour (the profile's, kept on the session), jersey
 * colour and number (remembered in localStorage). The room binding sends every change to the server.
 */
export function useAvatarModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const profile = useApp((s) => s.profile);
  const jersey = useApp((s) => s.jersey);
  const jerseyColor = jersey.color ?? profile.color;
  /** The session carries name and colour too (best effort), so a return visit keeps them. */
  const keepOnSession = () => {
    if (isValidName(store.getState().profile.name)) connection.startSession(store.getState().profile).catch(() => undefined);
  };
  const swatches = (current: string) =>
    AVATAR_SWATCHES.map((c) => ({ color: c, selected: c.toLowerCase() === current.toLowerCase() }));
  return {
    title: t('avatar.title'),
    name: profile.name,
    nameValid: isValidName(profile.name),
    setName: (name: string) => store.getState().setProfile({ name }),
    commitName: keepOnSession,
    color: profile.color,
    colorSwatches: swatches(profile.color),
    setColor: (color: string) => {
      store.getState().setProfile({ color: color.toLowerCase() });
      keepOnSession();
    },
    jerseyColor,
    jerseySwatches: swatches(jerseyColor),
    setJerseyColor: (color: string) => store.getState().updateJersey({ color: color.toLowerCase() }),
    jerseyNumber: jersey.number === NO_JERSEY_NUMBER ? '' : String(jersey.number),
    setJerseyNumber: (text: string) => store.getState().updateJersey({ number: parseJerseyNumber(text) }),
  };
}

export type AvatarModel = ReturnType<typeof useAvatarModel>;
