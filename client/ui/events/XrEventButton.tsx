import { useServices } from '../../state/context.tsx';
import { XrButton } from '../shared/XrKit.tsx';
import { useCountdownLine } from './useCountdownLine.ts';
import type { EventTimes } from './countdown.ts';
import { useEventsList } from './useEventsList.ts';
import { useNextLaunch } from './useNextLaunch.ts';

/** The countdown as a button label; a leaf of its own, as it re-renders every second. */
function XrCountdownButton({ times, title }: { times: EventTimes; title: string }) {
  const { store } = useServices();
  const line = useCountdownLine(times, title);
  if (!line) return null;
  return (
    <XrButton
      name="open-events"
      label={line.text}
      variant={line.phase === 'live' || line.phase === 'reveal' ? 'primary' : 'ghost'}
      onClick={() => store.getState().openPanel('events')}
    />
  );
}

/**
 * The headset menu's launch line (the XR twin of the HUD chip): the next launch counting down, or
 * "Live now"; it opens the in-world events panel. Button `xr-button:open-events`; nothing when no launch is scheduled.
 */
export function XrEventButton() {
  useEventsList();
  const next = useNextLaunch();
  return next ? <XrCountdownButton times={next.times} title={next.title} /> : null;
}
