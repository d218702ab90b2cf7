import { describe, expect, it } from 'vitest';
import { momentSize } from '../../../../../client/ui/match/momentLogic.ts';
import { product } from '../../support/catalog.ts';

describe('one-step add of a shoppable moment', () => {
  const shoe = product('court-runner-2');
  const stock = Object.fromEntries(shoe.sizes.map((s) => [`court-runner-2:red:${s}`, 2]));

  it("buys the visitor's chosen size when the moment's colourway has it", () => {
    expect(momentSize(shoe, 'red', shoe.sizes[2], stock)).toBe(shoe.sizes[2]);
  });

  it('otherwise the first size in stock', () => {
    const partly = { ...stock, [`court-runner-2:red:${shoe.sizes[0]}`]: 0, [`court-runner-2:red:${shoe.sizes[3]}`]: 0 };
    expect(momentSize(shoe, 'red', shoe.sizes[3], partly)).toBe(shoe.sizes[1]);
    expect(momentSize(shoe, 'red', null, partly)).toBe(shoe.sizes[1]);
  });

  it('nothing when the colourway is sold out', () => {
    expect(momentSize(shoe, 'black', null, stock)).toBeNull();
  });
});
