import { useXrEntryModel } from './useXrEntryModel.ts';

/** Enter VR and View in your room, shown only where the browser offers those immersive modes. */
export function XrEntryButtons() {
  const m = useXrEntryModel();
  return (
    <>
      {m.showVr && (
        <button type="button" className="button primary" data-testid="enter-vr" onClick={m.enterVr}>
          {m.enterVrLabel}
        </button>
      )}
      {m.showAr && (
        <button type="button" className="button ghost" data-testid="enter-ar" onClick={m.enterAr}>
          {m.enterArLabel}
        </button>
      )}
    </>
  );
}
