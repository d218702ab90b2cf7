import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { waitFrames } from './visitor.ts';

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

/**
 * Poses an emulated controller (in the XR origin's space). IWER's dev UI keeps its own gizmo per
 * controller, attached to the head, and copies the gizmo's pose onto the controller every frame,
 * so the gizmo is moved too; setting `controllers.right.position` alone is overwritten a frame later.
 */
export async function poseController(page: Page, handedness: 'left' | 'right', position: Vec3, quaternion: Quat): Promise<void> {
  await page.evaluate(
    async ({ handedness, position, quaternion }) => {
      const device = (await window.__courtside!.xr()).getState().emulator!;
      const controller = device.controllers[handedness]!;
      controller.position.set(...position);
      controller.quaternion.set(...quaternion);
      type Gizmo = import('three').Object3D;
      const handles = (window as unknown as { transformHandles?: Map<string, Gizmo> }).transformHandles;
      const handle = handles?.get(handedness);
      const parent = handle?.parent;
      if (!handle || !parent) return;
      parent.updateWorldMatrix(true, false);
      const local = handle.position.clone().set(...position);
      parent.worldToLocal(local);
      handle.position.copy(local);
      const inverseParent = parent.getWorldQuaternion(handle.quaternion.clone()).invert();
      handle.quaternion.copy(inverseParent.multiply(handle.quaternion.clone().set(...quaternion)));
    },
    { handedness, position, quaternion },
  );
}

/** The rotation turning a controller's -Z ray onto `direction` (need not be normalised). */
export function aimQuaternion(direction: Vec3): Quat {
  const len = Math.hypot(...direction) || 1;
  const [dx, dy, dz] = direction.map((v) => v / len) as Vec3;
  // -Z × d gives the axis; 1 + (-Z · d) the (doubled-half-angle) scalar part, then normalise.
  const q: Quat = [dy, -dx, 0, 1 - dz];
  const n = Math.hypot(...q);
  if (n < 1e-9) return [0, 1, 0, 0]; // pointing straight back: half a turn about Y
  return q.map((v) => v / n) as Quat;
}

/**
 * Presses and releases a controller button (`trigger`, `squeeze`, `a`...) one XR frame apart.
 * NOTE: a click is a press released within 300 ms (@pmndrs/pointer-events); SwiftShader draws only
 * a few frames a second, so the release is queued from the session's own frame callback, not from here.
 */
export async function pressButton(page: Page, handedness: 'left' | 'right', button: string): Promise<void> {
  await page.evaluate(
    async ({ handedness, button }) => {
      const state = (await window.__courtside!.xr()).getState();
      const controller = state.emulator!.controllers[handedness]!;
      const session = state.session!;
      const nextFrame = () => new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
      await nextFrame();
      controller.updateButtonValue(button, 1);
      await nextFrame();
      controller.updateButtonValue(button, 0);
      await nextFrame();
      await nextFrame();
    },
    { handedness, button },
  );
}

/** Holds a controller button at `value` (1 pressed, 0 released) from the session's next frame on, until set again. */
export async function setButton(page: Page, handedness: 'left' | 'right', button: string, value: number): Promise<void> {
  await page.evaluate(
    async ({ handedness, button, value }) => {
      const state = (await window.__courtside!.xr()).getState();
      const session = state.session!;
      await new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
      state.emulator!.controllers[handedness]!.updateButtonValue(button, value);
      await new Promise<number>((resolve) => session.requestAnimationFrame((t) => resolve(t)));
    },
    { handedness, button, value },
  );
}

/** Where the right hand points from: beside the chest, in the XR origin's space, relative to the head. */
const HAND_OFFSET = [0.1, -0.25, 0] as const;

/**
 * Points the emulated right controller from beside the visitor's chest at a named object in the scene
 * (an in-world button `xr-button:<name>` or a product `product:<id>`).
 */
export async function aimRightAt(page: Page, target: string): Promise<void> {
  const found = await page.evaluate(async (name) => {
    const probe = window.__courtsideXr!;
    const world = probe.center(name);
    if (!world) return null;
    const head = (await window.__courtside!.xr()).getState().emulator!.position;
    return { target: probe.toOrigin(world), head: [head.x, head.y, head.z] as [number, number, number] };
  }, target);
  expect(found, `${target} is in the scene`).not.toBeNull();
  const { target: t, head } = found!;
  const from: Vec3 = [head[0] + HAND_OFFSET[0], head[1] + HAND_OFFSET[1], head[2] + HAND_OFFSET[2]];
  await poseController(page, 'right', from, aimQuaternion([t[0] - from[0], t[1] - from[1], t[2] - from[2]]));
  // NOTE: one frame moves the controller, the next raycasts from where it now is.
  await waitFrames(page, 2);
}

/** Aims the right controller's ray at an in-world button (`xr-button:<name>`) and pulls the trigger. */
export async function pressXrButton(page: Page, button: string): Promise<void> {
  // NOTE: a new panel's button has no centre until uikit has laid it out with its label measured (see
  // client/debug/worldCentre.ts); chips side by side can still shift a little after: wait for a centre
  // that holds for two frames.
  const centre = () => page.evaluate((name) => window.__courtsideXr!.center(name), `xr-button:${button}`);
  let last = await centre();
  for (let i = 0; i < 60; i++) {
    await waitFrames(page, 2);
    const now = await centre();
    if (now !== null && JSON.stringify(now) === JSON.stringify(last)) break;
    last = now;
  }
  await aimRightAt(page, `xr-button:${button}`);
  await pressButton(page, 'right', 'trigger');
}

/**
 * Presses an in-world button until `reached` holds, as a visitor presses again when nothing happened.
 * NOTE: on a loaded machine SwiftShader can drop to a frame or two a second, and a press whose release
 * lands after @pmndrs/pointer-events' 300 ms click window is no click (CI lost one that way, stop 19).
 * `reached` is checked before every press, so a button that has done its job is never pressed twice.
 */
export async function pressXrButtonUntil(
  page: Page,
  button: string,
  reached: () => Promise<boolean>,
  { attempts = 4, wait = 5_000 } = {},
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (await reached()) return;
    await pressXrButton(page, button);
    const deadline = Date.now() + wait;
    while (Date.now() < deadline) {
      if (await reached()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  expect(await reached(), `pressing ${button} had its effect`).toBe(true);
}

/** Presses the HUD's Enter VR and waits for the session and the XR probe. */
export async function enterVr(page: Page): Promise<void> {
  await page.getByTestId('enter-vr').click();
  await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().session != null, undefined, {
    timeout: 30_000,
  });
  await page.waitForFunction(() => window.__courtsideXr !== undefined, undefined, { timeout: 30_000 });
}
