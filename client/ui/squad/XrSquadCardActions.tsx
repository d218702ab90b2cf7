import { useSquadCardActions } from './useSquadCardActions.ts';
import { XrButton } from '../shared/XrKit.tsx';

/** The in-world product card's "Show to squad" and "Try on" / "Take off" buttons. */
export function XrSquadCardActions() {
  const m = useSquadCardActions();
  if (!m) return null;
  return (
    <>
      {m.canTryOn && (
        <XrButton label={m.tryOnLabel} name="try-on" variant={m.wearing ? 'selected' : 'ghost'} grow onClick={m.toggleTryOn} />
      )}
      {m.canShow && <XrButton label={m.showLabel} name="show-to-squad" grow onClick={m.show} />}
    </>
  );
}
