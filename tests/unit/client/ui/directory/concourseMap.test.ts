import { describe, expect, it } from 'vitest';
import { concourseShelves } from '../../../../../client/ui/directory/concourseMap.ts';
import { catalog } from '../../support/catalog.ts';

describe('concourseShelves', () => {
  it('names each shelf by the category the catalog puts on it', () => {
    expect([...concourseShelves(catalog)]).toEqual([
      [0, 'shoes'],
      [1, 'jerseys'],
      [2, 'balls'],
      [3, 'accessories'],
    ]);
  });

  it('names no shelf before the catalog arrives', () => {
    expect(concourseShelves(null).size).toBe(0);
  });
});
