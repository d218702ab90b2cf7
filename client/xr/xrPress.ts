/** The parts of an XR pointer event a press needs. */
interface PressEvent {
  pointerId: number;
  stopPropagation?: () => void;
}

/**
 * A select that counts a trigger pull or pinch of any length: pressed and released on the same target
 * by the same pointer. NOTE: a pointer-events "click" must be released within 300 ms, which a
 * deliberate trigger pull (and a slow frame) often is not.
 */
export function createPress(onPress: () => void) {
  const down = new Set<number>();
  return {
    onPointerDown: (e: PressEvent) => {
      e.stopPropagation?.();
      down.add(e.pointerId);
    },
    onPointerUp: (e: PressEvent) => {
      e.stopPropagation?.();
      if (down.delete(e.pointerId)) onPress();
    },
    onPointerLeave: (e: PressEvent) => {
      down.delete(e.pointerId);
    },
  };
}
