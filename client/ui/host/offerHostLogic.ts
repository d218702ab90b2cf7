import { CATEGORIES, type Category } from '../../../shared/catalog.ts';
import { OFFER_LIMITS, type OfferRequest } from '../../../shared/offers.ts';

/** The host's offer form as typed: a category or 'products' (then comma-separated product ids), percent and minutes as text. */
export interface OfferForm {
  target: Category | 'products';
  productIds: string;
  percent: string;
  minutes: string;
}

/** A fresh form: 15 % off accessories for 10 minutes (the example the host guide gives). */
export const EMPTY_OFFER_FORM: OfferForm = { target: 'accessories', productIds: '', percent: '15', minutes: '10' };

/** The targets the form offers, in catalog order, then named products. */
export const OFFER_TARGETS: readonly (Category | 'products')[] = [...CATEGORIES, 'products'];

const wholeIn = (text: string, min: number, max: number): number | null => {
  const n = Number(text.trim());
  return Number.isInteger(n) && n >= min && n <= max ? n : null;
};

/**
 * The request a filled form makes, or null when it is not one the server takes (1–90 % off, 1–60
 * minutes, at least one product id when naming products). The server checks again; this only spares
 * the host a round trip.
 */
export function offerRequestOf(form: OfferForm): OfferRequest | null {
  const percentOff = wholeIn(form.percent, OFFER_LIMITS.percentMin, OFFER_LIMITS.percentMax);
  const minutes = wholeIn(form.minutes, OFFER_LIMITS.durationMinMs / 60_000, OFFER_LIMITS.durationMaxMs / 60_000);
  if (percentOff === null || minutes === null) return null;
  const durationMs = minutes * 60_000;
  if (form.target !== 'products') return { target: { category: form.target }, percentOff, durationMs };
  const productIds = [
    ...new Set(
      form.productIds
        .split(/[\s,，]+/)
        .map((id) => id.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (productIds.length === 0 || productIds.length > OFFER_LIMITS.productsMax) return null;
  return { target: { productIds }, percentOff, durationMs };
}
