/** The query parameter of a group-buy share link: `/?groupBuy=<productId>` opens that product's card and group buy. */
export const GROUP_BUY_PARAM = 'groupBuy';

/** The product a share link names (`?groupBuy=ID`), or null; ids are catalog ids (letters, digits, '-'). */
export function sharedGroupBuy(search: string): string | null {
  const id = new URLSearchParams(search).get(GROUP_BUY_PARAM);
  return id && /^[a-z0-9-]{1,64}$/i.test(id) ? id : null;
}

/**
 * The link that shares a product's group buy: the page's own address with only `?groupBuy=ID`
 * (other parameters, such as a squad invite or test flags, are not passed on).
 */
export function groupBuyShareUrl(pageUrl: string, productId: string): string {
  const url = new URL(pageUrl);
  url.search = new URLSearchParams({ [GROUP_BUY_PARAM]: productId }).toString();
  url.hash = '';
  return url.toString();
}
