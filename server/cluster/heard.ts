import type { Presence } from '@colyseus/core';
import type { EventExtrasSnapshot } from '../../shared/eventExtras.ts';
import type { VenueEventSnapshot } from '../../shared/events.ts';
import type { GroupBuysSnapshot } from '../domain/groupBuy/rows.ts';
import type { MatchSnapshot } from '../venue/match/venueMatch.ts';
import type { PriceBoard } from '../../shared/offers.ts';
import { CHANNEL } from '../venue/channels.ts';
import { KEY } from './keys.ts';

/** The venue channels whose last value a process that starts (or takes over) late must know. */
export const KEPT_CHANNELS = [CHANNEL.match, CHANNEL.event, CHANNEL.groupBuys, CHANNEL.prices, CHANNEL.eventExtras] as const;
type Kept = (typeof KEPT_CHANNELS)[number];

/**
 * The owner's publishing side: every value on a kept channel is also stored under `KEY.lastOn`, so a
 * process that joins after it was published starts from it instead of waiting for the next change.
 */
export function keepLast(presence: Presence): Pick<Presence, 'publish'> {
  const kept = new Set<string>(KEPT_CHANNELS);
  return {
    publish(topic, data) {
      if (kept.has(topic)) void presence.set(KEY.lastOn(topic), JSON.stringify(data));
      return presence.publish(topic, data);
    },
  };
}

/** What a process that does not own the venue knows of it: the last value on each kept channel. */
export interface Heard {
  match(): MatchSnapshot | undefined;
  event(): VenueEventSnapshot | undefined;
  groupBuys(): GroupBuysSnapshot | undefined;
  prices(): PriceBoard | undefined;
  eventExtras(): EventExtrasSnapshot | undefined;
  close(): void;
}

/** Reads each kept channel's stored value, then follows the channels. */
export async function hearVenue(presence: Presence): Promise<Heard> {
  const last = new Map<Kept, unknown>();
  const listeners = KEPT_CHANNELS.map((channel) => {
    const listener = (data: unknown) => last.set(channel, data);
    void presence.subscribe(channel, listener);
    return () => void presence.unsubscribe(channel, listener);
  });
  for (const channel of KEPT_CHANNELS) {
    const stored = await presence.get(KEY.lastOn(channel));
    if (typeof stored === 'string' && !last.has(channel)) last.set(channel, JSON.parse(stored));
  }
  const read = <T>(channel: Kept) => last.get(channel) as T | undefined;
  return {
    match: () => read<MatchSnapshot>(CHANNEL.match),
    event: () => read<VenueEventSnapshot>(CHANNEL.event),
    groupBuys: () => read<GroupBuysSnapshot>(CHANNEL.groupBuys),
    prices: () => read<PriceBoard>(CHANNEL.prices),
    eventExtras: () => read<EventExtrasSnapshot>(CHANNEL.eventExtras),
    close() {
      for (const stop of listeners) stop();
    },
  };
}
