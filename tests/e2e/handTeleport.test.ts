import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHELVES } from '../../shared/arena.ts';
import { arenaWalkArea, isWalkable } from '../../client/xr/collision.ts';
import { arcFloorHit } from '../../client/xr/teleport.ts';
import type { TestServer } from '../integration/support/testServer.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, standAt, waitFrames } from './support/visitor.ts';
import { aimQuaternion } from './support/xrController.ts';

const _DIST = path.resolve('dist');

type Vec3 = [number, number, number];

/** Right hand, in the emulator's (origin-relative) space: chest height, a little right and ahead. */
const HAND: Vec3 = [0.2, 1.4, -0.3];

/** The head's world pose, as the rig writes it for the network. */
const head = (page: Page) =>
  page.evaluate(() => {
    const p = window.__courtside!.services.localPlayer.pose;
    return { x: p.x, y: p.y, z: p.z, yaw: p.yaw };
  });

/** Waits for `count` frames of the XR session itself (SwiftShader draws a few a second). */
const xrFrames = (page: Page, count: number) =>
  page.evaluate(async (n) => {
    const session = (await window.__courtside!.xr()).getState().session!;
    for (let i = 0; i < n; i++) await new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
  }, count);

/**
 * Poses the emulated right hand (origin-relative). IWER's dev UI copies its per-hand gizmo onto the
 * hand every frame (in hand mode the same gizmos drive the hands), so the gizmo is moved too.
 */
async function poseRightHand(page: Page, position: Vec3, quaternion: [number, number, number, number]): Promise<void> {
  await page.evaluate(
    async ({ position, quaternion }) => {
      const device = (await window.__courtside!.xr()).getState().emulator!;
      const hand = device.hands.right!;
      hand.position.set(...position);
      hand.quaternion.set(...quaternion);
      type Gizmo = import('three').Object3D;
      const handle = (window as unknown as { transformHandles?: Map<string, Gizmo> }).transformHandles?.get('right');
      const parent = handle?.parent;
      if (!handle || !parent) return;
      parent.updateWorldMatrix(true, false);
      handle.position.copy(parent.worldToLocal(handle.position.clone().set(...position)));
      const inverseParent = parent.getWorldQuaternion(handle.quaternion.clone()).invert();
      handle.quaternion.copy(inverseParent.multiply(handle.quaternion.clone().set(...quaternion)));
    },
    { position, quaternion },
  );
}

/** Where the XR origin stands in the arena, from the head's world pose and its pose inside the play space. */
async function rigTransform(page: Page): Promise<{ x: number; z: number; yaw: number }> {
  const world = await head(page);
  const local = await page.evaluate(async () => {
    const device = (await window.__courtside!.xr()).getState().emulator!;
    const { x, y, z, w } = device.quaternion;
    return { x: device.position.x, z: device.position.z, yaw: Math.atan2(2 * (w * y + x * z), 1 - 2 * (x * x + y * y)) };
  });
  const yaw = world.yaw - local.yaw;
  const cos = Math.cos(yaw);
  const sin = Math.sin(yaw);
  // world = rig + R(yaw) local, R(yaw)(x, z) = (x cos + z sin, -x sin + z cos) (three.js, about +y).
  return { x: world.x - (local.x * cos + local.z * sin), z: world.z - (-local.x * sin + local.z * cos), yaw };
}

/**
 * Points the right hand's ray (origin-relative) so the teleport arc from it lands on the world floor
 * point `target`; returns where the arc actually lands (world) for that pose.
 */
async function aimHandAt(page: Page, target: { x: number; z: number }): Promise<{ x: number; z: number }> {
  const rig = await rigTransform(page);
  const cos = Math.cos(rig.yaw);
  const sin = Math.sin(rig.yaw);
  const toWorld = (v: Vec3, translate: boolean): Vec3 => [
    (translate ? rig.x : 0) + v[0] * cos + v[2] * sin,
    v[1],
    (translate ? rig.z : 0) - v[0] * sin + v[2] * cos,
  ];
  const hand = toWorld(HAND, true);
  const bearing = Math.atan2(target.x - hand[0], target.z - hand[2]);
  const want = Math.hypot(target.x - hand[0], target.z - hand[2]);
  const worldDir = (pitch: number): Vec3 => [
    Math.sin(bearing) * Math.cos(pitch),
    Math.sin(pitch),
    Math.cos(bearing) * Math.cos(pitch),
  ];
  const reach = (pitch: number) => {
    const hit = arcFloorHit(
      { x: hand[0], y: hand[1], z: hand[2] },
      { x: worldDir(pitch)[0], y: worldDir(pitch)[1], z: worldDir(pitch)[2] },
    );
    return hit ? Math.hypot(hit.x - hand[0], hit.z - hand[2]) : 0;
  };
  // The arc's reach grows with pitch from straight down to 45° up: bisect for the wanted distance.
  let lo = -1.4;
  let hi = Math.PI / 4;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (reach(mid) < want) lo = mid;
    else hi = mid;
  }
  const d = worldDir((lo + hi) / 2);
  // Back into the origin's frame (the inverse rotation) for the emulator.
  const local: Vec3 = [d[0] * cos - d[2] * sin, d[1], d[0] * sin + d[2] * cos];
  await poseRightHand(page, HAND, aimQuaternion(local));
  const hit = arcFloorHit({ x: hand[0], y: hand[1], z: hand[2] }, { x: d[0], y: d[1], z: d[2] });
  return hit!;
}

/** Pinches the right hand, holds it for `ms` (and a few XR frames), then lets go. */
async function pinchAndHold(page: Page, ms: number): Promise<void> {
  await page.evaluate(async () => (await window.__courtside!.xr()).getState().emulator!.hands.right!.updatePinchValue(1));
  await xrFrames(page, 3);
  await page.waitForTimeout(ms);
  await xrFrames(page, 3);
  await page.evaluate(async () => (await window.__courtside!.xr()).getState().emulator!.hands.right!.updatePinchValue(0));
  await xrFrames(page, 4);
}

/**
 * A headset visitor with bare hands: Chromium without its own WebXR, IWER emulating a Quest 3 switched
 * to hand input, the built client and the real server.
 */
describe('hand-tracking teleport in an emulated Quest 3', { timeout: 180_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 640, height: 360 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('enters VR with tracked hands instead of controllers', async () => {
    await enterArena(page, 'Hana');
    // Facing +z (yaw π) between the court and the far shelves.
    await standAt(page, { x: 7, z: 5, yaw: Math.PI, pitch: 0 });
    await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().emulator != null, undefined, {
      timeout: 30_000,
    });
    await page.evaluate(async () => {
      (await window.__courtside!.xr()).getState().emulator!.primaryInputMode = 'hand';
    });
    await page.getByTestId('enter-vr').click();
    await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().mode === 'immersive-vr', undefined, {
      timeout: 30_000,
    });
    await waitFrames(page, 10);
    const sources = await page.evaluate(async () =>
      [...((await window.__courtside!.xr()).getState().session?.inputSources ?? [])].map((s) => ({
        handedness: s.handedness,
        hand: s.hand != null,
      })),
    );
    expect(sources).toContainEqual({ handedness: 'right', hand: true });
    expect(sources.every((s) => s.hand)).toBe(true);
  });

  it('a quick pinch at the floor does nothing; pinch-and-hold at a floor point and release lands there', async () => {
    const before = await head(page);
    const target = { x: 7.3, z: 8.6 };
    expect(isWalkable(arenaWalkArea(), target)).toBe(true);
    const aimed = await aimHandAt(page, target);
    expect(Math.hypot(aimed.x - target.x, aimed.z - target.z)).toBeLessThan(0.01);
    await xrFrames(page, 3);

    // A select-length pinch (released before the hold threshold) is not a teleport.
    await page.evaluate(async () => {
      const state = (await window.__courtside!.xr()).getState();
      const hand = state.emulator!.hands.right!;
      const session = state.session!;
      const nextFrame = () => new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
      await nextFrame();
      hand.updatePinchValue(1);
      await nextFrame();
      hand.updatePinchValue(0);
      await nextFrame();
      await nextFrame();
    });
    const afterTap = await head(page);
    expect(Math.hypot(afterTap.x - before.x, afterTap.z - before.z)).toBeLessThan(0.02);

    await pinchAndHold(page, 700);
    const after = await head(page);
    console.info(`[hand teleport] from ${JSON.stringify(before)} aimed ${JSON.stringify(aimed)} landed ${JSON.stringify(after)}`);
    expect(Math.hypot(after.x - target.x, after.z - target.z)).toBeLessThan(0.1);
    expect(Math.abs(after.yaw - before.yaw)).toBeLessThan(1e-3);
  });

  it('pinch-and-hold aimed at a shelf does not move the rig', async () => {
    const shelf = SHELVES[3]!;
    const before = await head(page);
    const aimed = await aimHandAt(page, { x: shelf.x - 1, z: shelf.z });
    expect(isWalkable(arenaWalkArea(), aimed)).toBe(false);
    await xrFrames(page, 3);
    await pinchAndHold(page, 700);
    await xrFrames(page, 3);
    const after = await head(page);
    console.info(`[hand teleport] at the shelf: aimed ${JSON.stringify(aimed)}, head ${JSON.stringify(after)}`);
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.02);
  });

  it('a pinch held with the ray on a product selects it and does not teleport, though its arc lands on open floor', async () => {
    const before = await head(page);
    // The nearest product on the shelf ahead, by its pick box's world centre.
    const product = await page.evaluate(() => {
      const probe = window.__courtsideXr!;
      const ids = window.__courtside!.state().catalog?.products.map((p) => p.id) ?? [];
      const found = ids
        .map((id) => ({ id, c: probe.center(`product:${id}`) }))
        .filter((p): p is { id: string; c: [number, number, number] } => p.c != null && p.c[2] > 12)
        .sort((a, b) => Math.hypot(a.c[0] - 7, a.c[2] - 14) - Math.hypot(b.c[0] - 7, b.c[2] - 14))[0];
      return found ? { id: found.id, local: probe.toOrigin(found.c) } : null;
    });
    expect(product).not.toBeNull();
    const dir: Vec3 = [product!.local[0] - HAND[0], product!.local[1] - HAND[1], product!.local[2] - HAND[2]];
    await poseRightHand(page, HAND, aimQuaternion(dir));
    // Without the selection taking precedence this pinch would teleport: the arc lands on open floor, far enough.
    const rig = await rigTransform(page);
    const cos = Math.cos(rig.yaw);
    const sin = Math.sin(rig.yaw);
    const hand = { x: rig.x + HAND[0] * cos + HAND[2] * sin, y: HAND[1], z: rig.z - HAND[0] * sin + HAND[2] * cos };
    const arc = arcFloorHit(hand, { x: dir[0] * cos + dir[2] * sin, y: dir[1], z: -dir[0] * sin + dir[2] * cos })!;
    expect(isWalkable(arenaWalkArea(), arc)).toBe(true);
    expect(Math.hypot(arc.x - before.x, arc.z - before.z)).toBeGreaterThan(2);
    await xrFrames(page, 3);
    await pinchAndHold(page, 700);
    const after = await head(page);
    const ui = await page.evaluate(() => {
      const s = window.__courtside!.state();
      return { panel: s.panel, productId: s.productId };
    });
    console.info(`[hand teleport] on product ${product!.id}: arc ${JSON.stringify(arc)}, ui ${JSON.stringify(ui)}`);
    expect(Math.hypot(after.x - before.x, after.z - before.z)).toBeLessThan(0.02);
    expect(ui).toEqual({ panel: 'product', productId: product!.id });
  });
});
