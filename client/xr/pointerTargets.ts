/**
 * Whether a scene object takes XR pointer events (so a pinch aimed at it is a selection): it, or an
 * ancestor, has react-three-fiber pointer handlers (shelf product pick boxes, uikit buttons) or
 * pointer listeners of @pmndrs/pointer-events. Structural, so it needs no three.js to test.
 */
export interface PointerTargetLike {
  parent?: PointerTargetLike | null;
  __r3f?: { eventCount?: number; handlers?: Record<string, unknown> } | null;
  _listeners?: Record<string, unknown[] | undefined>;
  ancestorsHaveListeners?: boolean;
  ancestorsHavePointerListeners?: boolean;
}

const POINTER_LISTENER = /^(pointer|click|dblclick|contextmenu)/;
const POINTER_HANDLER = /^on(Pointer|Click|DoubleClick|ContextMenu)/;

function ownsPointerEvents(object: PointerTargetLike): boolean {
  if (object.ancestorsHaveListeners || object.ancestorsHavePointerListeners) return true;
  const r3f = object.__r3f;
  if (r3f && (r3f.eventCount ?? 0) > 0 && r3f.handlers) {
    for (const key of Object.keys(r3f.handlers)) if (POINTER_HANDLER.test(key) && r3f.handlers[key] != null) return true;
  }
  const listeners = object._listeners;
  if (listeners) {
    for (const key of Object.keys(listeners)) if (POINTER_LISTENER.test(key) && (listeners[key]?.length ?? 0) > 0) return true;
  }
  return false;
}

export function isPointerTarget(object: PointerTargetLike | null | undefined): boolean {
  for (let o = object; o; o = o.parent ?? null) if (ownsPointerEvents(o)) return true;
  return false;
}
