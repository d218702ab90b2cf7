import type { ErrorCode } from '../../shared/protocol.ts';

/** A rule the request broke, with the shared error code the client can act on. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  /** Extra fields for the error body (e.g. which SKUs ran out). */
  readonly details: Record<string, unknown> | undefined;
  /** When the same request may be tried again (HTTP `Retry-After`), for errors that pass. */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, retryAfterSeconds?: number) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
