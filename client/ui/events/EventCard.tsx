import { useTranslation } from 'react-i18next';
import { API } from '../../../shared/api.ts';
import type { EventSummary } from '../../../shared/events.ts';
import { localize } from '../../../shared/i18nText.ts';
import { summaryTimes } from '../../state/eventsSlice.ts';
import { useApp } from '../../state/context.tsx';
import { CountdownText } from './CountdownText.tsx';
import { EventRecap } from './EventRecap.tsx';
import { formatEventStart } from './eventText.ts';
import { useShareLink } from './useShareLink.ts';
import { EventExtrasSection } from './EventExtrasSection.tsx';

/** The .ics file of an event (`GET /api/events/:id/calendar.ics`). */
export const calendarHref = (eventId: string) => `${API.events}/${encodeURIComponent(eventId)}/calendar.ics`;

export interface EventCardProps {
  event: EventSummary;
  /** The heading level inside its list (h4 under a group's h3) or on its own (h2). */
  heading?: 'h2' | 'h3' | 'h4';
  testId?: string;
}

/**
 * One launch event: title and summary in the visitor's language, its start in their time zone, where
 * it stands now (on the server's clock), Add to calendar (.ics) and Share (copies the store link), and
 * its drop and raffle with the raffle's proof.
 */
export function EventCard({ event, heading: Heading = 'h3', testId = 'event-card' }: EventCardProps) {
  const { t } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  const share = useShareLink(event.id);
  const title = localize(event.title, locale);
  const headingId = `event-${event.id}-title`;
  return (
    <article className="event-card" data-testid={testId} data-event-id={event.id} aria-labelledby={headingId}>
      <Heading id={headingId} className="event-title">
        {title}
      </Heading>
      <p className="muted small">{localize(event.summary, locale)}</p>
      <p className="event-when">
        <time dateTime={event.startsAt} data-testid="event-start">
          {formatEventStart(Date.parse(event.startsAt), locale)}
        </time>
        {' · '}
        <CountdownText times={summaryTimes(event)} testId="event-countdown" className="event-countdown" />
      </p>
      <div className="event-actions">
        <a
          className="button ghost small"
          href={calendarHref(event.id)}
          download={`${event.id}.ics`}
          data-testid="event-calendar"
          aria-label={t('events.calendarLabel', { title })}
        >
          {t('events.calendar')}
        </a>
        <button
          type="button"
          className="button ghost small"
          data-testid="event-share"
          aria-label={t('events.shareLabel', { title })}
          onClick={share.share}
        >
          {t('events.share')}
        </button>
        <span role="status" className="small event-copied" data-testid="event-share-status">
          {share.copied ? t('events.copied') : ''}
        </span>
      </div>
      {event.phase === 'ended' && <EventRecap eventId={event.id} />}
      <EventExtrasSection eventId={event.id} />
      {share.shown && (
        <input
          readOnly
          value={share.link}
          data-testid="event-share-link"
          aria-label={t('events.shareFallback')}
          onFocus={(e) => e.target.select()}
        />
      )}
    </article>
  );
}
