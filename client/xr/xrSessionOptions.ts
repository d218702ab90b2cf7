import { debugEnabled } from '../debug/flag.ts';

/** Frame rate we aim for: 90 Hz where the headset offers it, else 72 Hz (Meta's floor), else the nearest below. */
export function pickFrameRate(supported: ArrayLike<number>): number | false {
  const rates = Array.from(supported).filter((r) => Number.isFinite(r) && r > 0);
  if (rates.length === 0) return false;
  if (rates.includes(90)) return 90;
  if (rates.includes(72)) return 72;
  const below = rates.filter((r) => r <= 90);
  return below.length > 0 ? Math.max(...below) : Math.min(...rates);
}

/**
 * Fixed foveation, 0 (none) to 1 (most). NOTE: 0.5 keeps panel text sharp near the centre while
 * cutting fill-rate at the edges, where the seating bowl and roof are.
 */
export const FOVEATION = 0.5;

/** Whether this page load asks for the emulated Quest 3 (dev server or `?e2e`, plus `xr=emulate`). */
export function xrEmulationRequested(search: string, dev: boolean): boolean {
  return debugEnabled(search, dev) && new URLSearchParams(search).get('xr') === 'emulate';
}

/** The synthetic rooms bundled with `@iwer/sem` (loaded by dynamic import: nothing is fetched from a CDN). */
export const EMULATED_ROOMS = ['office_small', 'meeting_room', 'living_room', 'music_room', 'office_large'] as const;
export type EmulatedRoom = (typeof EMULATED_ROOMS)[number];

/**
 * The synthetic room the emulator puts around the visitor (`&xr-room=office_small`), so AR hit-tests
 * find a floor; null (no room, no hit-tests) when absent or unknown.
 */
export function emulatedRoom(search: string): EmulatedRoom | null {
  const room = new URLSearchParams(search).get('xr-room');
  return EMULATED_ROOMS.find((r) => r === room) ?? null;
}
