import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../integration/support/testServer.ts';
import { openEmulatedHeadset } from './support/headset.ts';
import { enterArena, waitFrames } from './support/visitor.ts';
import { aimQuaternion, poseController, pressButton } from './support/xrController.ts';

const _DIST = path.resolve('dist');
const HAND_OFFSET = [0.1, -0.25, 0] as const;

/** Aims the right controller's ray at an in-world button and pulls the trigger. */
async function press(page: Page, button: string): Promise<void> {
  // NOTE: the chips sit side by side; wait until the button's centre stops moving (layout settles late).
  const centre = () => page.evaluate((name) => window.__courtsideXr!.center(name), `xr-button:${button}`);
  let last = await centre();
  for (let i = 0; i < 20; i++) {
    await waitFrames(page, 10);
    const now = await centre();
    if (JSON.stringify(now) === JSON.stringify(last)) break;
    last = now;
  }
  const found = await page.evaluate(async (name) => {
    const probe = window.__courtsideXr!;
    const world = probe.center(name);
    if (!world) return null;
    const head = (await window.__courtside!.xr()).getState().emulator!.position;
    return { target: probe.toOrigin(world), head: [head.x, head.y, head.z] as [number, number, number] };
  }, `xr-button:${button}`);
  expect(found, `${button} is in the scene`).not.toBeNull();
  const { target: t, head } = found!;
  const from: [number, number, number] = [head[0] + HAND_OFFSET[0], head[1] + HAND_OFFSET[1], head[2] + HAND_OFFSET[2]];
  await poseController(page, 'right', from, aimQuaternion([t[0] - from[0], t[1] - from[1], t[2] - from[2]]));
  await waitFrames(page, 3);
  await pressButton(page, 'right', 'trigger');
  await waitFrames(page, 3);
}

async function enterVr(page: Page): Promise<void> {
  await page.getByTestId('enter-vr').click();
  await page.waitForFunction(async () => (await window.__courtside!.xr()).getState().session != null, undefined, {
    timeout: 30_000,
  });
  await page.waitForFunction(() => window.__courtsideXr !== undefined, undefined, { timeout: 30_000 });
}

const settings = (page: Page) => page.evaluate(() => window.__courtside!.state().settings);

/** Comfort settings in a headset: the left X button opens them in-world; the ray changes them; they are remembered. */
describe('comfort settings in an emulated Quest 3', { timeout: 240_000 }, () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ server, browser, page } = await openEmulatedHeadset({ width: 960, height: 720 }));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('X opens the settings panel; 45° snap and vignette off are set by the ray and survive a reload', async () => {
    await enterArena(page, 'Vera');
    await enterVr(page);
    const before = await settings(page);
    expect(before.snapDegrees).not.toBe(45);

    await pressButton(page, 'left', 'x-button');
    await expect.poll(() => page.evaluate(() => window.__courtside!.state().panel)).toBe('settings');
    await expect.poll(() => page.evaluate(() => window.__courtsideXr!.panels()), { timeout: 30_000 }).toEqual(['settings-panel']);

    await press(page, 'settings-snap-45');
    await expect.poll(async () => (await settings(page)).snapDegrees).toBe(45);
    await press(page, `settings-vignette-${String(!before.vignette)}`);
    await expect.poll(async () => (await settings(page)).vignette).toBe(!before.vignette);

    await page.reload();
    await page.waitForFunction(() => window.__courtside !== undefined, undefined, { timeout: 30_000 });
    expect(await settings(page)).toMatchObject({ snapDegrees: 45, vignette: !before.vignette });
  });
});
