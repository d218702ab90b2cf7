import { useSquadCardActions } from './useSquadCardActions.ts';

/** The product card's "Show to squad" and "Try on" / "Take off" buttons (DOM skin). */
export function SquadCardActions() {
  const m = useSquadCardActions();
  if (!m) return null;
  return (
    <>
      {m.canTryOn && (
        <button type="button" className="button ghost" data-testid="try-on" aria-pressed={m.wearing} onClick={m.toggleTryOn}>
          {m.tryOnLabel}
        </button>
      )}
      {m.canShow && (
        <button type="button" className="button ghost" data-testid="show-to-squad" onClick={m.show}>
          {m.showLabel}
        </button>
      )}
    </>
  );
}
