import { HOST_LINK_PARAM } from '../../shared/eventHosts.ts';

/** The secret of a host invite link the page was opened with (`/?host=<secret>`), or null. */
export function readHostLink(search: string = typeof location === 'undefined' ? '' : location.search): string | null {
  const secret = new URLSearchParams(search).get(HOST_LINK_PARAM);
  return secret && secret.length >= 16 ? secret : null;
}

/**
 * Takes the secret out of the address bar once the session holds the host role, so it is not left in
 * the history, a screenshot or a shared link; a reload resumes the saved session instead.
 */
export function forgetHostLink(): void {
  if (typeof location === 'undefined' || typeof history === 'undefined') return;
  const url = new URL(location.href);
  if (!url.searchParams.has(HOST_LINK_PARAM)) return;
  url.searchParams.delete(HOST_LINK_PARAM);
  history.replaceState(history.state, '', url.toString());
}
