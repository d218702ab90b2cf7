import type { Inspectable } from './inspect.ts';
import { REACTIONS } from '../../shared/together.ts';
import { TYPING_CELL } from '../scene/emojiAtlas.ts';

declare module './inspect.ts' {
  interface Inspectable {
    /** The bubbles drawn over avatars this frame, while the 3D stage is mounted (ChatBubbles). */
    chatBubbles: {
      drawn: readonly { from: string; cell: number; x: number; y: number; z: number }[];
      count: () => number;
    };
  }
}

/** A bubble drawn this frame. */
export interface DrawnBubble {
  from: string;
  /** A reaction's emoji, or `typing`. */
  kind: string;
  x: number;
  y: number;
  z: number;
}

/** What an e2e test can ask of the bubbles over avatars. */
export interface ChatDebug {
  bubbles(): DrawnBubble[];
}

/** The reaction and typing bubbles as an e2e test sees them. */
export function chatProbe({ drawn, count }: Inspectable['chatBubbles']): ChatDebug {
  return {
    bubbles: () =>
      drawn.slice(0, count()).map((b) => ({
        from: b.from,
        kind: b.cell === TYPING_CELL ? 'typing' : (REACTIONS[b.cell] ?? '?'),
        x: b.x,
        y: b.y,
        z: b.z,
      })),
  };
}
