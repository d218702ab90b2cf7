import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Category } from '../../../../../shared/catalog.ts';
import { closeUpsFor, findCloseUp, hotspotPosition, hotspotsFor, WHOLE } from '../../../../../client/scene/studio/studioViews.ts';

const locales = ['en', 'zh-CN'].map((l) => ({
  locale: l,
  messages: JSON.parse(readFileSync(`client/i18n/locales/${l}.json`, 'utf8')) as Record<string, unknown>,
}));
const lookup = (messages: Record<string, unknown>, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages);

describe('inspect studio views', () => {
  const categories = Category.options;

  it('gives every category a few hotspots with distinct ids, on the product box, facing outwards', () => {
    for (const category of categories) {
      const hotspots = hotspotsFor(category);
      expect(hotspots.length, category).toBeGreaterThanOrEqual(2);
      expect(new Set(hotspots.map((h) => h.id)).size).toBe(hotspots.length);
      for (const h of hotspots) {
        const [x, y, z] = h.at;
        expect(Math.abs(x)).toBeLessThanOrEqual(0.5);
        expect(Math.abs(z)).toBeLessThanOrEqual(0.5);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(1);
        expect(Math.hypot(...h.facing)).toBeGreaterThan(0.5);
        // On the box's surface side: the facing points away from the box's centre (0, 0.5, 0).
        expect(h.facing[0] * x + h.facing[1] * (y - 0.5) + h.facing[2] * z).toBeGreaterThan(0);
      }
    }
  });

  it('names and explains every hotspot and close-up in English and Chinese', () => {
    for (const { locale, messages } of locales) {
      for (const category of categories) {
        for (const h of hotspotsFor(category)) {
          expect(lookup(messages, `studio.hotspot.${h.id}.title`), `${locale} ${h.id}`).toEqual(expect.any(String));
          expect(lookup(messages, `studio.hotspot.${h.id}.note`), `${locale} ${h.id}`).toEqual(expect.any(String));
        }
        for (const c of closeUpsFor(category)) {
          expect(lookup(messages, `studio.view.${c.id}`), `${locale} ${c.id}`).toEqual(expect.any(String));
        }
      }
    }
  });

  it('starts every category with the whole product and offers at least two close-ups', () => {
    for (const category of categories) {
      const views = closeUpsFor(category);
      expect(views[0]).toBe(WHOLE);
      expect(views.length).toBeGreaterThanOrEqual(3);
      for (const v of views.slice(1)) expect(v.zoom).toBeLessThanOrEqual(1);
    }
  });

  it("shows a shoe's sole from below and its heel from behind", () => {
    const sole = findCloseUp('shoes', 'sole');
    expect(sole.pitch).toBeLessThan(-0.5);
    // The heel is the -x end: a yaw of π/2 turns -x toward the camera at +z.
    const heel = findCloseUp('shoes', 'heel');
    expect(-Math.cos(heel.yaw)).toBeCloseTo(0, 5);
    expect(Math.sin(heel.yaw)).toBeCloseTo(1, 5);
  });

  it('falls back to the whole product for an unknown close-up, and scales hotspots to the product', () => {
    expect(findCloseUp('balls', 'sole')).toBe(WHOLE);
    expect(findCloseUp('balls', null)).toBe(WHOLE);
    expect(hotspotPosition({ id: 'x', at: [0.5, 1, -0.5], facing: [1, 0, 0] }, { x: 0.3, y: 0.12, z: 0.1 })).toEqual([
      0.15, 0.12, -0.05,
    ]);
  });
});
