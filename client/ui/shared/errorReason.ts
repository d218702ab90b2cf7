import type { TFunction } from 'i18next';
import { ApiRequestError } from '../../net/http.ts';

/** The visitor-facing reason for a failure, from its error code (`errors.*` in the catalogs). */
export function errorReason(t: TFunction, err: unknown): string {
  const code = err instanceof ApiRequestError ? err.code : 'internal';
  return t(`errors.${code}`, { defaultValue: t('errors.internal') });
}
