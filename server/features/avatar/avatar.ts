import { ErrorCode, MSG, type ErrorBody } from '../../../shared/protocol.ts';
import type { AvatarSend } from '../../../shared/together.ts';
import type { CatalogIndex } from '../../domain/catalog.ts';
import { createTokenBucket, type TokenBucket } from '../../room/rateGate.ts';

/** Categories a visitor can try on: they show on the avatar (shoes at the feet, a jersey on the body). */
export const TRY_ON_CATEGORIES: ReadonlySet<string> = new Set(['shoes', 'jerseys']);
/** Avatar changes a visitor may send (a colour picker being dragged sends bursts). */
export const AVATAR_RATE = { perSecond: 4, burst: 8 } as const;

/** The player fields avatar looks write. */
export interface AvatarFields {
  name: string;
  color: string;
  jerseyColor: string;
  jerseyNumber: number;
  tryOn: string;
}

export interface AvatarRules {
  catalog: CatalogIndex;
  /** Whether a display name may be shown (the chat word filter, when there is one). */
  nameAllowed?: (name: string) => boolean;
}

/**
 * Checks validated avatar looks against the catalog and the name filter and writes them onto the
 * player; only fields that differ are written, so an unchanged look adds nothing to a patch. A
 * rejected look changes nothing and gets an error body back.
 */
export function applyAvatar(player: AvatarFields, looks: AvatarSend, rules: AvatarRules): ErrorBody | undefined {
  const refuse = (message: string): ErrorBody => ({ code: ErrorCode.badRequest, message, type: MSG.avatar });
  if (rules.nameAllowed && !rules.nameAllowed(looks.name)) return refuse('that name is not allowed');
  let tryOn = '';
  if (looks.tryOn) {
    const { productId, colourwayId } = looks.tryOn;
    const product = rules.catalog.products.get(productId);
    if (!product?.colourways.some((c) => c.id === colourwayId)) {
      return refuse(`no product ${productId} in colourway ${colourwayId} to try on`);
    }
    if (!TRY_ON_CATEGORIES.has(product.category)) return refuse(`${product.category} cannot be tried on`);
    tryOn = `${productId}:${colourwayId}`;
  }
  const next: AvatarFields = {
    name: looks.name,
    color: looks.color.toLowerCase(),
    jerseyColor: looks.jerseyColor.toLowerCase(),
    jerseyNumber: looks.jerseyNumber,
    tryOn,
  };
  for (const key of Object.keys(next) as (keyof AvatarFields)[]) {
    if (player[key] !== next[key]) (player as unknown as Record<string, unknown>)[key] = next[key];
  }
  return undefined;
}

/** {@link applyAvatar} behind an `AVATAR_RATE` token bucket per sender (kept by the connection object). */
export function createAvatarGate(rules: AvatarRules) {
  const buckets = new WeakMap<object, TokenBucket>();
  return (sender: object, player: AvatarFields, looks: AvatarSend, nowMs: number): ErrorBody | undefined => {
    let bucket = buckets.get(sender);
    if (!bucket) {
      bucket = createTokenBucket(AVATAR_RATE.perSecond, AVATAR_RATE.burst, nowMs);
      buckets.set(sender, bucket);
    }
    if (!bucket.take(nowMs)) return { code: ErrorCode.rateLimited, message: 'avatar changes are too frequent', type: MSG.avatar };
    return applyAvatar(player, looks, rules);
  };
}
