import { createHmac, hkdfSync } from 'node:crypto';

/** Fingerprints a request's parts (JSON-encoded in order) to tell a retry from another request under the same key. */
export type Fingerprint = (parts: readonly unknown[]) => string;

/**
 * Request fingerprints for idempotency keys: an HMAC-SHA256 with a key derived from the server's
 * secret. NOTE: keyed, and over requests that hold no card data (only a payment method token), so a
 * stored fingerprint gives nothing back to someone who reads the database: an unkeyed SHA-256 of a
 * request holding a card number once gave the number back in 1.4 s by trying Luhn-valid candidates.
 */
export function createFingerprint(serverSecret: string): Fingerprint {
  const key = Buffer.from(hkdfSync('sha256', serverSecret, 'courtside', 'idempotency fingerprint v1', 32));
  return (parts) => createHmac('sha256', key).update(JSON.stringify(parts)).digest('base64url');
}
