import { useEffect, useState } from 'react';
import type { CartLine } from '../../../shared/api.ts';
import type { QuoteResponse } from '../../../shared/checkout.ts';
import type { Currency } from '../../../shared/money.ts';
import { useServices } from '../../state/context.tsx';
import type { AddressDraft } from './addressForm.ts';

/**
 * The server's quote (shipping options, tax, totals) for the cart going where the draft says, asked
 * again whenever the currency, the country, the US state, the option or the cart changes. Null
 * until the first answer, or when there is nothing to quote; a failed ask keeps the last quote.
 */
export function useQuote(currency: Currency, draft: AddressDraft, lines: readonly CartLine[]): QuoteResponse | null {
  const { connection } = useServices();
  const [quote, setQuote] = useState<QuoteResponse | null>(null);
  const state = draft.country === 'US' ? (draft.fields.state ?? '').trim().toUpperCase() : '';
  const cartKey = lines.map((l) => `${l.productId}:${l.colourwayId}:${l.size}:${l.quantity}`).join(',');
  useEffect(() => {
    if (cartKey === '') return setQuote(null);
    let live = true;
    connection.orders
      .quote({ currency, country: draft.country, option: draft.option, ...(/^[A-Z]{2}$/.test(state) ? { state } : {}) })
      .then((q) => live && setQuote(q))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [connection, currency, draft.country, draft.option, state, cartKey]);
  return quote;
}
