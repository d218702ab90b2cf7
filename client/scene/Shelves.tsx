import { useMemo } from 'react';
import type { ThreeElements } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import { SHELVES } from '../../shared/arena.ts';
import { useApp } from '../state/context.tsx';
import { Shelf } from './Shelf.tsx';

export type ShelvesProps = Omit<ThreeElements['group'], 'ref'>;

const ACCENTS = ['#c8102e', '#1d428a', '#f58426', '#007a33'];

/** The four gear shelves, each signed with the category of the products the catalog puts on it. */
export function Shelves(props: ShelvesProps) {
  const { t } = useTranslation();
  const products = useApp((s) => s.catalog?.products);
  const categories = useMemo(
    () => SHELVES.map((shelf) => products?.find((p) => p.shelf.index === shelf.index)?.category ?? null),
    [products],
  );
  return (
    <group {...props}>
      {SHELVES.map((layout, i) => {
        const category = categories[i];
        return (
          <Shelf
            key={layout.index}
            layout={layout}
            label={category ? t(`category.${category}`) : ''}
            accent={ACCENTS[i % ACCENTS.length]}
          />
        );
      })}
    </group>
  );
}
