import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { DIRECTOR_AUTO, matchPosition } from '../../../shared/match.ts';
import { formatPrice } from '../../i18n/format.ts';
import { findProduct } from '../../state/catalogSlice.ts';
import { quantityInCart } from '../../state/cartSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { activeMoment } from '../../state/matchSlice.ts';
import { errorReason } from '../shared/errorReason.ts';
import { momentSize } from './momentLogic.ts';
import { useTick } from '../shared/useTick.ts';

const mmss = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/**
 * The match controls' model, for the DOM bar and the in-world one: the 360° view and its angle,
 * sound and captions, the shoppable moment running now, and (for the venue host) the match clock.
 */
export function useMatchModel() {
  const { t } = useTranslation();
  const { store, connection, serverClock } = useServices();
  const match = useApp((s) => s.match);
  const clock = useApp((s) => s.matchClock);
  const view360 = useApp((s) => s.view360);
  const personal = useApp((s) => s.personalAngle);
  const prefs = useApp((s) => s.matchPreferences);
  const caption = useApp((s) => s.caption);
  const moment = useApp(activeMoment);
  const host = useApp((s) => s.visitor?.role === 'host');
  const { locale, currency } = useApp((s) => s.profile);
  const product = useApp((s) => (moment ? findProduct(s.catalog, moment.productId) : undefined));
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  useTick(host && clock?.playing === true);

  const label = (id: string) => {
    const source = match?.sources.find((s) => s.id === id);
    return source ? localize(source.label, locale) : id;
  };
  const positionMs = match && clock ? matchPosition(clock, serverClock.now(), match.timeline.durationMs, match.loop) : 0;

  const addMoment = async () => {
    if (!moment || !product || adding) return;
    const s = store.getState();
    const size = momentSize(product, moment.colourwayId, s.choice[product.id]?.size, s.stock);
    if (!size) {
      s.showNotice({ key: 'notice.cartFailed', params: { reason: t('errors.out_of_stock') } });
      return;
    }
    const ref = { productId: product.id, colourwayId: moment.colourwayId, size };
    setAdding(true);
    try {
      await connection.setCartLine({ ...ref, quantity: quantityInCart(s.cartLines, ref) + 1 });
      store.getState().chooseColourway(product.id, moment.colourwayId);
      store.getState().chooseSize(product.id, size);
      setAdded(moment.id);
    } catch (err) {
      store.getState().showNotice({ key: 'notice.cartFailed', params: { reason: errorReason(t, err) } });
    } finally {
      setAdding(false);
    }
  };

  return {
    available: match !== null && clock !== null,
    view360,
    enter360: () => store.getState().enter360(),
    exit360: () => store.getState().exit360(),
    watch360Label: t('match.watch360'),
    backLabel: t('match.back'),
    angles: [
      { id: null, label: t('match.director'), selected: personal === null },
      ...(match?.sources ?? []).map((s) => ({ id: s.id, label: localize(s.label, locale), selected: personal === s.id })),
    ],
    chooseAngle: (id: string | null) => store.getState().choosePersonalAngle(id),
    volume: prefs.volume,
    setVolume: (volume: number) => store.getState().updateMatchPreferences({ volume, muted: false }),
    muted: prefs.muted,
    toggleMute: () => store.getState().updateMatchPreferences({ muted: !prefs.muted }),
    captionsOn: prefs.captions,
    toggleCaptions: () => store.getState().updateMatchPreferences({ captions: !prefs.captions }),
    caption: prefs.captions ? caption : '',
    moment:
      moment && product
        ? {
            id: moment.id,
            label: localize(moment.label, locale),
            productName: localize(product.name, locale),
            price: product.prices[currency] === undefined ? '' : formatPrice(product.prices[currency]!, currency, locale),
            added: added === moment.id,
            adding,
          }
        : null,
    openMoment: () => moment && store.getState().openMoment(moment.id),
    addMoment,
    host: host
      ? {
          playing: clock?.playing ?? false,
          position: mmss(positionMs),
          positionMs,
          durationMs: match?.timeline.durationMs ?? 0,
          duration: mmss(match?.timeline.durationMs ?? 0),
          director: clock?.directorAngle ?? DIRECTOR_AUTO,
          directorOptions: [
            { id: DIRECTOR_AUTO, label: t('match.directorAuto') },
            ...(match?.sources ?? []).map((s) => ({ id: s.id, label: label(s.id) })),
          ],
          play: () => connection.controlMatch({ action: 'play' }),
          pause: () => connection.controlMatch({ action: 'pause' }),
          seek: (ms: number) => connection.controlMatch({ action: 'seek', positionMs: Math.max(0, Math.round(ms)) }),
          setDirector: (angle: string) => connection.controlMatch({ action: 'angle', angle }),
        }
      : null,
  };
}

export type MatchModel = ReturnType<typeof useMatchModel>;
