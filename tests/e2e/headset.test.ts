import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { SHELVES, slotPosition } from '../../shared/arena.ts';
import { arenaWalkArea, isWalkable } from '../../client/xr/collision.ts';
import { arcFloorHit } from '../../client/xr/teleport.ts';
import type { TestServer } from '../integration/support/testServer.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, openStore, standAt, waitFrames } from './support/visitor.ts';
import { aimQuaternion, poseController, setButton } from './support/xrController.ts';

const _DIST = path.resolve('dist');

type Vec3 = [number, number, number];

/** Where the right controller is held for a teleport, relative to the head, in the XR origin's space. */
const HAND: Vec3 = [0.2, -0.25, -0.3];

/** Head position on the floor. */
const head = (page: Page) =>
  page.evaluate(() => {
    const p = window.__courtside!.services.localPlayer.pose;
    return { x: p.x, y: p.y, z: p.z };
  });

/** The emulated headset's position (XR origin space) and a world point in the XR origin's space. */
const headAndOrigin = (page: Page, world: Vec3) =>
  page.evaluate(async (w) => {
    const h = (await window.__courtside!.xr()).getState().emulator!.position;
    return { head: [h.x, h.y, h.z] as Vec3, local: window.__courtsideXr!.toOrigin(w) };
  }, world);

/**
 * The direction (in the XR origin's space) whose teleport arc from `from` comes down on the floor at
 * `to`, found with the app's own arc (client/xr/teleport.ts): the arc's reach grows with the pitch up to
 * about 40° above level, so the pitch is bisected. Throws when the point is out of the arc's reach.
 */
function arcAim(from: Vec3, to: Vec3): Vec3 {
  const dx = to[0] - from[0];
  const dz = to[2] - from[2];
  const want = Math.hypot(dx, dz);
  const ux = dx / want;
  const uz = dz / want;
  const dir = (pitch: number): Vec3 => [ux * Math.cos(pitch), Math.sin(pitch), uz * Math.cos(pitch)];
  const reach = (pitch: number) => {
    const d = dir(pitch);
    const hit = arcFloorHit({ x: from[0], y: from[1], z: from[2] }, { x: d[0], y: d[1], z: d[2] });
    return hit ? Math.hypot(hit.x - from[0], hit.z - from[2]) : 0;
  };
  let lo = -1.55;
  let hi = 0.65;
  if (reach(hi) < want) throw new Error(`teleport target ${want.toFixed(2)} m away is beyond the arc's reach`);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (reach(mid) < want) lo = mid;
    else hi = mid;
  }
  return dir((lo + hi) / 2);
}

/**
 * Aims the emulated right controller's teleport arc at a world floor point (through the dev UI, see
 * poseController), pushes its stick forward, then releases it. Returns where the arc comes down.
 */
async function teleportWithStick(page: Page, target: { x: number; z: number }): Promise<{ x: number; z: number }> {
  const { head: h, local } = await headAndOrigin(page, [target.x, 0, target.z]);
  const from: Vec3 = [h[0] + HAND[0], h[1] + HAND[1], h[2] + HAND[2]];
  const direction = arcAim(from, local);
  // The arc the app will draw, checked here: it lands on the target (origin space is the world turned and moved).
  const hit = arcFloorHit({ x: from[0], y: from[1], z: from[2] }, { x: direction[0], y: direction[1], z: direction[2] })!;
  expect(Math.hypot(hit.x - local[0], hit.z - local[2])).toBeLessThan(0.005);
  await poseController(page, 'right', from, aimQuaternion(direction));
  await waitFrames(page, 3);
  await page.evaluate(async () => {
    (await window.__courtside!.xr()).getState().emulator!.controllers.right!.updateAxes('thumbstick', 0, -1);
  });
  await waitFrames(page, 6);
  await page.evaluate(async () => {
    (await window.__courtside!.xr()).getState().emulator!.controllers.right!.updateAxes('thumbstick', 0, 0);
  });
  await waitFrames(page, 6);
  return target;
}

/** Teleports and checks the head came down on the target (x/z within 10 cm). */
async function teleportTo(page: Page, target: { x: number; z: number }): Promise<void> {
  await teleportWithStick(page, target);
  const after = await head(page);
  expect(Math.hypot(after.x - target.x, after.z - target.z), `landed at ${JSON.stringify(after)}`).toBeLessThan(0.1);
}

/** The right controller's grip (where the grab pointer is), in world space, as the rig last wrote it. */
const rightGrip = (page: Page) =>
  page.evaluate(() => {
    const r = window.__courtside!.services.localPlayer.hands.right!;
    return [r.x, r.y, r.z] as Vec3;
  });

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const dist = (a: Vec3, b: Vec3) => Math.hypot(...sub(a, b));

/**
 * Poses the right controller so that its grip (not its target ray, which is what IWER poses) sits on a
 * world point: pose once, read where the grip came out, correct by the difference in origin space.
 */
async function gripAt(page: Page, world: Vec3, quaternion: [number, number, number, number] = [0, 0, 0, 1]): Promise<void> {
  const toOrigin = (p: Vec3) => page.evaluate((q) => window.__courtsideXr!.toOrigin(q), p);
  const first = await toOrigin(world);
  await poseController(page, 'right', first, quaternion);
  await waitFrames(page, 3);
  const grip = await toOrigin(await rightGrip(page));
  await poseController(page, 'right', add(first, sub(first, grip)), quaternion);
  await waitFrames(page, 3);
}

/**
 * A headset visitor: Chromium without its own WebXR, Meta's IWER emulating a Quest 3 (the XR store's
 * emulate option, switched on by `?e2e&xr=emulate`), the built client and the real server.
 */
describe('a headset visitor in Chromium with an emulated Quest 3', { timeout: 300_000 }, () => {
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

  it('Enter VR starts an immersive-vr session that renders frames, within the draw budget', async () => {
    await enterArena(page, 'Vera');
    await standAt(page, { x: 0, z: 4, yaw: 0, pitch: 0 });
    await page.getByTestId('enter-vr').click();
    await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().mode === 'immersive-vr', undefined, {
      timeout: 30_000,
    });
    await waitFrames(page, 20);
    expect(await page.getByTestId('enter-vr').count()).toBe(0);
    const stats = await page.evaluate(() => ({ ...window.__courtsideStats! }));
    const xr = await page.evaluate(async () => {
      const s = (await window.__courtside!.xr()).getState();
      return { frameRate: s.frameRate ?? null, views: s.session ? 2 : 0 };
    });
    console.info(
      `[headset] XR frame: ${stats.calls} draw calls, ${stats.triangles} triangles (both eyes); frameRate ${xr.frameRate}`,
    );
    // NOTE: three renders both eyes in one pass and counts them together; the budget is per eye.
    expect(stats.calls / 2).toBeLessThanOrEqual(100);
    expect(stats.triangles / 2).toBeLessThanOrEqual(300_000);
    expect(stats.triangles).toBeGreaterThan(10_000);
    // The head's world pose flows back into the pose the network sends: standing at real height at the spot.
    const h = await head(page);
    expect(h.y).toBeGreaterThan(1.2);
    expect(Math.hypot(h.x, h.z - 4)).toBeLessThan(1);
    const hands = await page.evaluate(() => window.__courtside!.services.localPlayer.hands);
    expect(hands.right).not.toBeNull();
    expect(hands.left).not.toBeNull();
  });

  it('teleport: the right stick aims the arc at a floor point, releasing puts the head on it', async () => {
    await page.waitForFunction(() => window.__courtsideXr !== undefined, undefined, { timeout: 30_000 });
    // From (0, 4) toward the shoe shelf, a few metres a hop (the arc reaches about 7 m).
    for (const target of [
      { x: 0.5, z: -0.5 },
      { x: -3, z: -4.5 },
      { x: -4, z: -9.5 },
    ]) {
      await teleportTo(page, target);
    }
  });

  it('teleport: an arc onto a shelf or into the seats does not move the rig', async () => {
    // In front of the shoe shelf (its front at z = -14.05), close enough to reach both.
    await teleportTo(page, { x: -4, z: -13.3 });
    const before = await head(page);
    const shelf = SHELVES[0]!;
    expect(isWalkable(arenaWalkArea(), { x: shelf.x + 3, z: shelf.z })).toBe(false);
    await teleportWithStick(page, { x: shelf.x + 3, z: shelf.z }); // on the shelf's footprint
    const onShelf = await head(page);
    expect(Math.hypot(onShelf.x - before.x, onShelf.z - before.z)).toBeLessThan(0.02);
    await teleportWithStick(page, { x: -1.5, z: -16.7 }); // past the floor's edge, in the first rows
    const inSeats = await head(page);
    expect(Math.hypot(inSeats.x - before.x, inSeats.z - before.z)).toBeLessThan(0.02);
    // And the same stick still lands on open floor from here.
    await teleportTo(page, { x: -4, z: -12.9 });
  });

  it('grab: squeeze on a shelf product carries it with the hand; letting go flies it back to its slot, no card', async () => {
    const shelf = SHELVES[0]!;
    const slot = slotPosition(shelf, 3);
    const productId = await page.evaluate(
      () => window.__courtside!.state().catalog!.products.find((p) => p.shelf.index === 0 && p.shelf.slot === 3)!.id,
    );
    const centre = () => page.evaluate((id) => window.__courtsideXr!.center(`product:${id}`)!, productId);
    const home = await centre();
    expect(Math.abs(home[0] - slot.x)).toBeLessThan(0.01);
    expect(Math.abs(home[2] - slot.z)).toBeLessThan(0.01);
    expect(home[1]).toBeGreaterThan(slot.y);

    await teleportTo(page, { x: slot.x, z: -13.4 });
    await gripAt(page, home);
    const grip0 = await rightGrip(page);
    expect(dist(grip0, home), 'the grip is on the product').toBeLessThan(0.03);
    await setButton(page, 'right', 'squeeze', 1);
    await waitFrames(page, 3);

    // 20 cm to the right and 10 cm up, in the origin's space (the rig is not turned, so the world's too).
    const origin = await page.evaluate((p) => window.__courtsideXr!.toOrigin(p), grip0);
    const moved = add(origin, [0.2, 0.1, 0]);
    const state = await page.evaluate(async () => {
      const c = (await window.__courtside!.xr()).getState().emulator!.controllers.right!;
      const { position: p, quaternion: q } = c;
      return { p: [p.x, p.y, p.z] as Vec3, q: [q.x, q.y, q.z, q.w] as [number, number, number, number] };
    });
    await poseController(page, 'right', add(state.p, sub(moved, origin)), state.q);
    await expect.poll(async () => dist(await rightGrip(page), grip0), { timeout: 20_000 }).toBeGreaterThan(0.2);
    const grip1 = await rightGrip(page);
    expect(dist(grip1, grip0)).toBeCloseTo(Math.hypot(0.2, 0.1), 2);
    // The product moved with the hand: its centre kept its offset from the grip.
    await expect.poll(async () => dist(await centre(), add(home, sub(grip1, grip0))), { timeout: 20_000 }).toBeLessThan(0.01);

    await setButton(page, 'right', 'squeeze', 0);
    // Back on its slot after the return flight (0.45 s), within 1 cm, and it stays there.
    await expect.poll(async () => dist(await centre(), home), { timeout: 20_000 }).toBeLessThan(0.01);
    await waitFrames(page, 10);
    const rest = await centre();
    expect(dist(rest, home)).toBeLessThan(0.01);
    expect(Math.abs(rest[0] - slot.x)).toBeLessThan(0.01);
    expect(Math.abs(rest[2] - slot.z)).toBeLessThan(0.01);
    const ui = await page.evaluate(() => {
      const s = window.__courtside!.state();
      return { panel: s.panel, panels: window.__courtsideXr!.panels() };
    });
    expect(ui).toEqual({ panel: 'none', panels: [] });
  });

  it("a desktop visitor's page sees the headset visitor's controller move", async () => {
    const bo = await openStore(browser, server.baseUrl, { width: 960, height: 640 });
    try {
      await enterArena(bo, 'Bo');
      /** Vera's right hand as Bo's pose buffer interpolates it now, and how many tracked hands Bo draws. */
      const seenByBo = () =>
        bo.evaluate(() => {
          const { services } = window.__courtside!;
          const vera = Object.values(services.store.getState().visitors).find((v) => v.name === 'Vera');
          if (!vera) return null;
          const hand = () => ({ x: 0, y: 0, z: 0, qx: 0, qy: 0, qz: 0, qw: 1 });
          const hands = { mask: 0, left: hand(), right: hand() };
          const headPose = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
          services.remotePoses.sample(vera.id, performance.now(), headPose, hands);
          return {
            mask: hands.mask,
            right: [hands.right.x, hands.right.y, hands.right.z] as Vec3,
            drawn: window.__courtsideStats!.hands,
          };
        });
      // NOTE: hands reach only those near enough to be in a visitor's full-rate set (interest
      // management, server/features/interest/): Bo walks up to where he sees Vera stand.
      await expect.poll(seenByBo, { timeout: 60_000 }).not.toBeNull();
      const vera = await bo.evaluate(() => {
        const { services } = window.__courtside!;
        const id = Object.values(services.store.getState().visitors).find((v) => v.name === 'Vera')!.id;
        const head = { x: 0, y: 0, z: 0, yaw: 0, pitch: 0 };
        services.remotePoses.sample(id, performance.now(), head);
        return { x: head.x, z: head.z };
      });
      await standAt(bo, { x: vera.x + 1.5, z: vera.z, yaw: Math.PI / 2, pitch: 0 });
      await expect.poll(async () => (await seenByBo())?.drawn, { timeout: 60_000 }).toBe(2);

      const h = await headAndOrigin(page, [0, 0, 0]);
      const at: Vec3 = [h.head[0] + 0.25, h.head[1] - 0.35, h.head[2] - 0.35];
      await poseController(page, 'right', at, [0, 0, 0, 1]);
      await waitFrames(page, 3);
      const right0 = await rightGrip(page);
      await expect.poll(async () => dist((await seenByBo())!.right, right0), { timeout: 20_000 }).toBeLessThan(0.03);
      const seen0 = (await seenByBo())!.right;

      await poseController(page, 'right', add(at, [0.3, 0, 0]), [0, 0, 0, 1]);
      await waitFrames(page, 3);
      const right1 = await rightGrip(page);
      expect(dist(right1, right0)).toBeCloseTo(0.3, 2);
      await expect.poll(async () => dist((await seenByBo())!.right, right1), { timeout: 20_000 }).toBeLessThan(0.03);
      const seen1 = await seenByBo();
      expect(seen1!.mask).toBe(3);
      expect(dist(seen1!.right, seen0)).toBeGreaterThan(0.27);
    } finally {
      await bo.context().close();
    }
  });
});
