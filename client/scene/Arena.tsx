import type { ThreeElements } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { useApp } from '../state/context.tsx';
import { ArenaFloor } from './ArenaFloor.tsx';
import { Court } from './Court.tsx';
import { Hoop } from './Hoop.tsx';
import { Jumbotron } from './Jumbotron.tsx';
import { Stands } from './Stands.tsx';

export type ArenaProps = Omit<ThreeElements['group'], 'ref'>;

/** The building: concourse floor, court, both hoops, the seating bowl and the center-hung screen. */
export function Arena(props: ArenaProps) {
  const { t } = useTranslation();
  const venue = useApp((s) => s.catalog?.venueName ?? '');
  return (
    <group {...props}>
      <ArenaFloor />
      <Court />
      <Hoop side={-1} />
      <Hoop side={1} />
      <Stands ribbonText={`${venue.toUpperCase()}  •  ${t('app.tagline')}`} />
      <Jumbotron />
    </group>
  );
}
