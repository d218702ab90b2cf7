import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../shared/i18nText.ts';
import { findProduct, steppedProduct } from '../../state/catalogSlice.ts';
import { quantityInCart } from '../../state/cartSlice.ts';
import { useApp, useServices } from '../../state/context.tsx';
import { priceText } from '../offers/offerText.ts';
import { useShownPrices } from '../offers/useShownPrices.ts';
import { errorReason } from '../shared/errorReason.ts';
import { useXrEntryModel } from '../entry/useXrEntryModel.ts';
import { productPictureUrl } from '../../../shared/productPictures.ts';
import { canAddToCart, effectiveChoice, maxAddable, skuStock, stockLabel } from './productCardLogic.ts';

/**
 * The product card's model: everything the card shows and can do, for the DOM skin now and the
 * in-world skin later. Stock, choice and cart come from the store, so the card follows live stock.
 */
export function useProductCardModel() {
  const { t } = useTranslation();
  const { store, connection } = useServices();
  const product = useApp((s) => findProduct(s.catalog, s.productId));
  const storedChoice = useApp((s) => (s.productId ? s.choice[s.productId] : undefined));
  const stock = useApp((s) => s.stock);
  const cartLines = useApp((s) => s.cartLines);
  const { locale, currency } = useApp((s) => s.profile);
  const inspecting = useApp((s) => s.inspecting);
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState(false);
  const xr = useXrEntryModel();
  const priceOf = useShownPrices();

  // biome-ignore lint/correctness/useExhaustiveDependencies: product?.id is the trigger, not an input: a different product starts with quantity 1 and no "added" badge.
  useEffect(() => {
    setQuantity(1);
    setAdded(false);
  }, [product?.id]);

  if (!product) return null;
  const { colourwayId, size } = effectiveChoice(product, storedChoice);
  const ref = size === null ? null : { productId: product.id, colourwayId, size };
  const available = ref ? skuStock(stock, product.id, colourwayId, ref.size) : 0;
  const inCart = ref ? quantityInCart(cartLines, ref) : 0;
  const label = stockLabel(stock, product, colourwayId, size);
  const price = priceText(priceOf(product), currency, locale, (key, params) => t(key, params ?? {}));
  const limit = Math.max(1, maxAddable(available, inCart));

  return {
    id: product.id,
    name: localize(product.name, locale),
    description: localize(product.description, locale),
    category: t(`category.${product.category}`),
    /** What the server charges now. */
    price: price.price,
    /** The regular price, struck through, while a live-only or offer price holds (else null). */
    regularPrice: price.regular,
    /** "Live price" or "Offer" beside a special price (else null). */
    priceBadge: price.badge,
    priceKind: price.kind,
    /** The chosen colourway's picture (shared/productPictures.ts) and its alt text. */
    picture: productPictureUrl(product.id, colourwayId),
    pictureAlt: t('directory.pictureAlt', {
      name: localize(product.name, locale),
      colour: localize(product.colourways.find((c) => c.id === colourwayId)?.name ?? product.colourways[0]!.name, locale),
    }),
    colourways: product.colourways.map((c) => ({
      id: c.id,
      name: localize(c.name, locale),
      colors: c.colors,
      selected: c.id === colourwayId,
    })),
    sizes: product.sizes.map((s) => ({
      size: s,
      selected: s === size,
      soldOut: skuStock(stock, product.id, colourwayId, s) === 0,
    })),
    stock: { text: t(label.key, { count: label.count ?? 0 }), tone: label.tone },
    inCart: inCart > 0 ? t('product.inCart', { count: inCart }) : null,
    quantity,
    canDecrease: quantity > 1,
    canIncrease: quantity < limit,
    canAdd: !busy && canAddToCart({ size, available, inCart, quantity }),
    busy,
    added,
    inspecting,
    chooseColourway: (id: string) => store.getState().chooseColourway(product.id, id),
    chooseSize: (s: string) => {
      store.getState().chooseSize(product.id, s);
      setQuantity(1);
    },
    decrease: () => setQuantity((q) => Math.max(1, q - 1)),
    increase: () => setQuantity((q) => Math.min(limit, q + 1)),
    toggleInspect: () => store.getState().setInspecting(!inspecting),
    async add() {
      if (!ref || !canAddToCart({ size, available, inCart, quantity })) return;
      setBusy(true);
      try {
        await connection.setCartLine({ ...ref, quantity: inCart + quantity });
        setAdded(true);
        setQuantity(1);
      } catch (err) {
        store.getState().showNotice({ key: 'notice.cartFailed', params: { reason: errorReason(t, err) } });
      } finally {
        setBusy(false);
      }
    },
    /** True where the browser offers `immersive-ar` and no session is running. */
    canViewInRoom: xr.showAr,
    viewInRoomLabel: xr.enterArLabel,
    /** Opens AR with this product: placed on the visitor's floor at true size. */
    viewInRoom: () => {
      store.getState().focusProduct(product.id);
      xr.enterAr();
    },
    /** Shows the catalog's next (`1`) or previous (`-1`) product in this card's place (the AR toolbar's ‹ ›). */
    stepProduct: (step: 1 | -1) => {
      const { catalog, focusProduct } = store.getState();
      const next = steppedProduct(catalog, product.id, step);
      if (next) focusProduct(next.id);
    },
    openCart: () => store.getState().openPanel('cart'),
    close: () => store.getState().closePanel(),
  };
}

export type ProductCardModel = NonNullable<ReturnType<typeof useProductCardModel>>;
