import { useTranslation } from 'react-i18next';
import { Container, Text } from '@react-three/uikit';
import type { EventSummary } from '../../../shared/events.ts';
import { localize } from '../../../shared/i18nText.ts';
import { useApp } from '../../state/context.tsx';
import { summaryTimes } from '../../state/eventsSlice.ts';
import { XrPanelFrame } from '../panels/XrPanelFrame.tsx';
import { XR_THEME, XrLabel } from '../shared/XrKit.tsx';
import { formatEventStart } from './eventText.ts';
import { useCountdownLine } from './useCountdownLine.ts';
import { useEventsModel } from './useEventsModel.ts';
import { useFeaturedEventId } from '../drop/useFeaturedEventId.ts';
import { XrDropBox } from '../drop/XrDropBox.tsx';
import { XrRaffleBox } from '../raffle/XrRaffleBox.tsx';

/** How many events fit on each group of the in-world list; the DOM skin scrolls instead. */
const SHOWN = 3;

/** One event's countdown line; a leaf of its own, as it re-renders every second. */
function XrCountdown({ event }: { event: EventSummary }) {
  const line = useCountdownLine(summaryTimes(event));
  if (!line) return null;
  const live = line.phase === 'live' || line.phase === 'reveal';
  return (
    <Text fontSize={18} fontWeight="bold" color={live ? XR_THEME.accent : XR_THEME.text}>
      {line.text}
    </Text>
  );
}

/**
 * The events page's in-world skin: the arena's drop and raffle first (enter from here in a headset),
 * then live, upcoming and past launches with their start (in the visitor's time zone) and countdown. NOTE: calendar files and share links are for the browser; the
 * DOM skin has them.
 */
export function XrEventsPanel() {
  const { t } = useTranslation();
  const m = useEventsModel();
  const locale = useApp((s) => s.profile.locale);
  const featured = useFeaturedEventId();
  return (
    <XrPanelFrame title={m.title} name="events-panel" onClose={m.close} width={520}>
      <XrDropBox eventId={featured} />
      <XrRaffleBox eventId={featured} />
      {m.loading && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('events.loading')}
        </Text>
      )}
      {m.empty && (
        <Text fontSize={17} color={XR_THEME.muted}>
          {t('events.none')}
        </Text>
      )}
      {m.groups.map((g) => (
        <Container key={g.id} flexDirection="column" gap={6}>
          <XrLabel>{g.label}</XrLabel>
          {g.events.slice(0, SHOWN).map((e) => (
            <Container key={e.id} flexDirection="column" gap={2} paddingY={6} borderBottomWidth={1} borderColor={XR_THEME.line}>
              <Text fontSize={20} fontWeight="bold" color={XR_THEME.text}>
                {localize(e.title, locale)}
              </Text>
              <Text fontSize={14} color={XR_THEME.muted}>
                {formatEventStart(Date.parse(e.startsAt), locale)}
              </Text>
              <XrCountdown event={e} />
            </Container>
          ))}
        </Container>
      ))}
    </XrPanelFrame>
  );
}
