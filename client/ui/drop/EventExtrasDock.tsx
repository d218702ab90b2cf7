import { RaffleBox } from '../raffle/RaffleBox.tsx';
import { DropBox } from './DropBox.tsx';
import { useFeaturedEventId } from './useFeaturedEventId.ts';

/** The arena's drop and raffle cards, under the HUD's launch chip (each hides itself when it has nothing to say). */
export function EventExtrasDock() {
  const eventId = useFeaturedEventId();
  if (!eventId) return null;
  return (
    <aside className="event-extras" data-testid="event-extras" data-event-id={eventId}>
      <DropBox eventId={eventId} />
      <RaffleBox eventId={eventId} />
    </aside>
  );
}
