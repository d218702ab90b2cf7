/**
 * Shows why an in-world press could be lost right after a panel opens: in an emulated Quest 3 it opens
 * the 360° bar and records, every XR frame from the one its "Courtside" chip first exists, the chip's
 * uikit size, its label's size and where the chip is. The label measures 0×0 for the first frames (its
 * font's glyphs are not ready), the chip sits still at its padding-only width, then grows and moves
 * ~24 cm: aim during those frames and the press lands on empty panel. Needs `npm run build`.
 *
 *   COURTSIDE_E2E_DIST=dist node scripts/probe/layoutRace.ts
 */
import { openEmulatedHeadset } from '../../tests/e2e/support/headset.ts';
import { enterArena } from '../../tests/e2e/support/visitor.ts';
import { enterVr } from '../../tests/e2e/support/xrController.ts';

const { server, browser, page } = await openEmulatedHeadset({ width: 640, height: 480 });
await enterArena(page, 'Probe');
await enterVr(page);
const rows = await page.evaluate(async () => {
  const session = (await window.__courtside!.xr()).getState().session!;
  const frame = () => new Promise<void>((r) => session.requestAnimationFrame(() => r()));
  window.__courtside!.state().enter360();
  const out: { frame: number; laidOut: boolean; size: string; text: string; x: number; y: number; z: number }[] = [];
  for (let f = 0; f < 400 && out.length < 10; f++) {
    await frame();
    // The probe's centre() hides unlaid-out chips; read the object itself here.
    const probe = window.__courtsideXr;
    if (!probe?.panels().includes('match-360')) continue;
    const scene = window.__courtsideInspect?.get('xrPanels')?.().scene;
    const chip = scene?.getObjectByName('xr-button:match-angle-courtside') as
      | (import('three').Object3D & { size?: { value: unknown } })
      | undefined;
    if (!chip) continue;
    chip.updateWorldMatrix(true, false);
    const e = chip.matrixWorld.elements;
    const sizeOf = (o: import('three').Object3D | undefined) =>
      JSON.stringify((o as unknown as { size?: { value: unknown } })?.size?.value ?? null);
    let text: import('three').Object3D | undefined;
    chip.traverse((o) => {
      if (!text && o !== chip && 'size' in o) text = o;
    });
    out.push({
      frame: f,
      laidOut: chip.size?.value !== undefined,
      size: sizeOf(chip),
      text: sizeOf(text),
      x: +e[12]!.toFixed(3),
      y: +e[13]!.toFixed(3),
      z: +e[14]!.toFixed(3),
    });
  }
  return out;
});
console.table(rows);
await browser.close();
await server.close();
