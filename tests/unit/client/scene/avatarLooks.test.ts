import { describe, expect, it } from 'vitest';
import { NO_JERSEY_NUMBER } from '../../../../shared/together.ts';
import { resolveLooks } from '../../../../client/scene/avatarLooks.ts';
import { inviteCode } from '../../../../client/net/squadBinding.ts';
import { catalog, product } from '../support/catalog.ts';

const ann = { name: 'Ann', color: '#ff0000' };

describe('avatar looks', () => {
  it('paints the body in the jersey colour and puts the number on the tag', () => {
    expect(resolveLooks(ann, { jerseyColor: '#0000ff', jerseyNumber: 23, tryOn: '' }, catalog)).toEqual({
      skin: '#ff0000',
      body: '#0000ff',
      shoes: null,
      label: '#23 Ann',
    });
    expect(resolveLooks(ann, undefined, catalog)).toEqual({ skin: '#ff0000', body: '#ff0000', shoes: null, label: 'Ann' });
  });

  it('a tried-on jersey paints the body in its colourway; tried-on shoes show in theirs', () => {
    const gold = product('home-jersey').colourways.find((c) => c.id === 'gold')!;
    const jersey = resolveLooks(
      ann,
      { jerseyColor: '#0000ff', jerseyNumber: NO_JERSEY_NUMBER, tryOn: 'home-jersey:gold' },
      catalog,
    );
    expect(jersey.body).toBe(gold.colors.primary);
    const black = product('court-runner-2').colourways.find((c) => c.id === 'black')!;
    const shoes = resolveLooks(ann, { jerseyColor: '#0000ff', jerseyNumber: 1, tryOn: 'court-runner-2:black' }, catalog);
    expect(shoes).toMatchObject({ body: '#0000ff', shoes: black.colors.primary });
    expect(resolveLooks(ann, { jerseyColor: '', jerseyNumber: 1, tryOn: 'gone:black' }, catalog).shoes).toBeNull();
  });

  it('reads the squad code of an invite link', () => {
    expect(inviteCode('?squad=k7qx4m')).toBe('K7QX4M');
    expect(inviteCode('?e2e&squad=K7QX4M')).toBe('K7QX4M');
    expect(inviteCode('?squad=O0O0O0')).toBeNull();
    expect(inviteCode('')).toBeNull();
  });
});
