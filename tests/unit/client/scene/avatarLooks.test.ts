import { describe, expect, it } from 'vitest';
import { NO_JERSEY_NUMBER } from '../../../../shared/together.ts';
import { resolveLooks, SKIN_TONES, skinTone } from '../../../../client/scene/avatarLooks.ts';
import { inviteCode } from '../../../../client/net/squadBinding.ts';
import { catalog, product } from '../support/catalog.ts';

const ann = { id: 'ann-1', name: 'Ann', color: '#ff0000' };
const annSkin = skinTone('ann-1');

describe('avatar looks', () => {
  it('paints the body in the jersey colour and puts the number on the tag', () => {
    expect(resolveLooks(ann, { jerseyColor: '#0000ff', jerseyNumber: 23, tryOn: '' }, catalog)).toEqual({
      skin: annSkin,
      body: '#0000ff',
      shoes: null,
      number: 23,
      label: '#23 Ann',
    });
    expect(resolveLooks(ann, undefined, catalog)).toEqual({
      skin: annSkin,
      body: '#ff0000',
      shoes: null,
      number: null,
      label: 'Ann',
    });
  });

  it('gives every visitor a skin tone of their own, the same on every page', () => {
    expect(SKIN_TONES).toContain(annSkin);
    expect(skinTone('ann-1')).toBe(annSkin);
    const tones = new Set(Array.from({ length: 60 }, (_, i) => skinTone(`visitor-${i}`)));
    expect(tones.size).toBe(SKIN_TONES.length);
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
