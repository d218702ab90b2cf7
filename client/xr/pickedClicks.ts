/**
 * Clicks that picked something in the 3D view (a product, near or far). The desktop controls read
 * this before capturing the mouse: a click meant to pick must never turn into pointer lock.
 * NOTE: a WeakSet of the DOM events themselves, so nothing outlives the click that made it.
 */
const picked = new WeakSet<Event>();

/** Marks a DOM click as used by the 3D view. */
export function markPicked(event: Event): void {
  picked.add(event);
}

/** Whether a 3D handler already used this DOM click. */
export function wasPicked(event: Event): boolean {
  return picked.has(event);
}
