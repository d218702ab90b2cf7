/** The DOM box over the 3D view that labels pinned to 3D things render into (App.tsx places it in the main landmark). */
export const STAGE_LABELS_ID = 'stage-labels';

/**
 * drei Html's `portal` target: the labels box, found when first asked (the App renders it before the
 * scene's labels mount). Html positions its elements from the canvas size; the box covers the stage exactly.
 */
export function stageLabelsPortal(): { current: HTMLElement } {
  const box = document.getElementById(STAGE_LABELS_ID);
  if (!box) throw new Error(`#${STAGE_LABELS_ID} is missing: App.tsx renders it`);
  return { current: box };
}
