import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_JERSEY_NUMBER, type AvatarSend } from '../../../../../shared/together.ts';
import { indexCatalog, loadSeedFile } from '../../../../../server/domain/catalog.ts';
import { AVATAR_RATE, applyAvatar, createAvatarGate, type AvatarFields } from '../../../../../server/features/avatar/avatar.ts';

const catalog = indexCatalog(loadSeedFile(path.resolve('server/db/seed/catalog.json')));
const looks: AvatarSend = { name: 'Ann', color: '#AABBCC', jerseyColor: '#112233', jerseyNumber: 7, tryOn: null };
const fresh = (): AvatarFields => ({
  name: 'Old',
  color: '#000000',
  jerseyColor: '#000000',
  jerseyNumber: NO_JERSEY_NUMBER,
  tryOn: '',
});

describe('applyAvatar', () => {
  it('writes the looks, colours in lower case and the try-on as productId:colourwayId', () => {
    const player = fresh();
    expect(
      applyAvatar(player, { ...looks, tryOn: { productId: 'away-jersey', colourwayId: 'black' } }, { catalog }),
    ).toBeUndefined();
    expect(player).toEqual({
      name: 'Ann',
      color: '#aabbcc',
      jerseyColor: '#112233',
      jerseyNumber: 7,
      tryOn: 'away-jersey:black',
    });
  });

  it('refuses accessories, balls, unknown colourways and filtered names without changing anything', () => {
    const player = fresh();
    const rules = { catalog, nameAllowed: (name: string) => !name.includes('bad') };
    expect(applyAvatar(player, { ...looks, tryOn: { productId: 'headband', colourwayId: 'red' } }, rules)?.message).toBe(
      'accessories cannot be tried on',
    );
    expect(applyAvatar(player, { ...looks, tryOn: { productId: 'court-runner-2', colourwayId: 'gold' } }, rules)?.code).toBe(
      'bad_request',
    );
    expect(applyAvatar(player, { ...looks, name: 'bad name' }, rules)?.message).toBe('that name is not allowed');
    expect(player).toEqual(fresh());
  });

  it('writes only the fields that changed (an unchanged look adds nothing to a patch)', () => {
    const written: string[] = [];
    const target = fresh();
    const player = new Proxy(target, {
      set(obj, key, value) {
        written.push(String(key));
        return Reflect.set(obj, key, value);
      },
    });
    applyAvatar(player, looks, { catalog });
    written.length = 0;
    applyAvatar(player, { ...looks, jerseyNumber: 8 }, { catalog });
    expect(written).toEqual(['jerseyNumber']);
  });

  it('the gate drops a burst beyond AVATAR_RATE with rate_limited', () => {
    const gate = createAvatarGate({ catalog });
    const sender = {};
    const player = fresh();
    const answers = Array.from({ length: AVATAR_RATE.burst + 1 }, () => gate(sender, player, looks, 1000));
    expect(answers.slice(0, AVATAR_RATE.burst).every((a) => a === undefined)).toBe(true);
    expect(answers.at(-1)?.code).toBe('rate_limited');
    expect(gate(sender, player, looks, 1000 + 1000 / AVATAR_RATE.perSecond)).toBeUndefined();
  });
});
