/** The probes that need three.js, in one chunk that a debug page loads beside the 3D stage. */
export { arProbe } from './arProbe.ts';
export { chatProbe } from './chatProbe.ts';
export { matchProbe } from './matchProbe.ts';
export { revealProbe } from './revealProbe.ts';
export { startStatsProbe } from './statsProbe.ts';
export { xrProbe } from './xrProbe.ts';
