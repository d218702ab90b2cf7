import { type Color, Mesh, type Material, type Object3D } from 'three';
import type { Colourway } from '../../shared/catalog.ts';

/** The three paintable slots every product model names its materials after. */
export const PAINT_SLOTS = ['primary', 'secondary', 'accent'] as const;
export type PaintSlot = (typeof PAINT_SLOTS)[number];

type Tintable = Material & { color?: Color; emissive?: Color; emissiveIntensity?: number };

/** A product model's own copy of the loaded scene, with materials cloned so recolouring is local. */
export interface PaintableModel {
  root: Object3D;
  /** Every cloned material, grouped by the paint slot its name says (others under `other`). */
  slots: Record<PaintSlot | 'other', Tintable[]>;
}

/**
 * Clones a loaded glTF scene, sharing geometry but giving this copy its own materials, so two copies
 * of one product can show different colourways. Called once per mounted model, never per frame.
 */
export function clonePaintable(source: Object3D): PaintableModel {
  const root = source.clone(true);
  const copies = new Map<Material, Tintable>();
  const slots: PaintableModel['slots'] = { primary: [], secondary: [], accent: [], other: [] };
  root.traverse((o) => {
    if (!(o instanceof Mesh)) return;
    const own = (m: Material): Material => {
      let copy = copies.get(m);
      if (!copy) {
        copy = m.clone() as Tintable;
        copies.set(m, copy);
        const slot = PAINT_SLOTS.find((s) => m.name.toLowerCase().startsWith(s)) ?? 'other';
        slots[slot].push(copy);
      }
      return copy;
    };
    o.material = Array.isArray(o.material) ? o.material.map(own) : own(o.material as Material);
  });
  return { root, slots };
}

/** Paints the model's slot materials with a colourway's colours. */
export function applyColourway(model: PaintableModel, colors: Colourway['colors']): void {
  for (const slot of PAINT_SLOTS) for (const m of model.slots[slot]) m.color?.set(colors[slot]);
}

/** Tints every material of the model with an emissive glow (0 removes it). */
export function applyHighlight(model: PaintableModel, strength: number, tint = '#ffcf70'): void {
  for (const list of Object.values(model.slots)) {
    for (const m of list) {
      if (!m.emissive) continue;
      m.emissive.set(tint);
      m.emissiveIntensity = strength;
    }
  }
}

/** Frees the cloned materials (geometry stays shared with the loader cache). */
export function disposePaintable(model: PaintableModel): void {
  for (const list of Object.values(model.slots)) for (const m of list) m.dispose();
}
