import { describe, expect, it } from 'vitest';
import { panelPlacement, yawOf } from '../../../../../client/ui/panels/panelPlacement.ts';

describe('in-world panel placement', () => {
  it('stands 0.8 m ahead of the head at chest height, facing the visitor', () => {
    const p = panelPlacement({ x: 1, y: 1.7, z: 2 }, 0);
    expect(p.position[0]).toBeCloseTo(1);
    expect(p.position[1]).toBeCloseTo(1.4);
    expect(p.position[2]).toBeCloseTo(1.2);
    expect(p.rotationY).toBe(0);
  });

  it('follows where the visitor looks', () => {
    const yaw = yawOf({ x: 1, z: 0 });
    expect(yaw).toBeCloseTo(-Math.PI / 2);
    const p = panelPlacement({ x: 0, y: 1.6, z: 0 }, yaw);
    expect(p.position[0]).toBeCloseTo(0.8);
    expect(p.position[2]).toBeCloseTo(0);
  });

  it('never sinks below a seated reading height', () => {
    expect(panelPlacement({ x: 0, y: 0.9, z: 0 }, 0).position[1]).toBe(0.8);
  });

  it('has no yaw when looking straight down', () => {
    expect(yawOf({ x: 0, z: 0 })).toBe(0);
  });
});
