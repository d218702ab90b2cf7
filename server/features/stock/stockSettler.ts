import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readStockOf, type StockChanges } from '../../domain/stock.ts';
import type { Log } from '../../ops/logger.ts';

/** How long after the last stock change of a burst the levels are read again, and at most after its first. */
const QUIET_MS = 50;
const MAX_WAIT_MS = 250;

/**
 * Puts every shelf right after a burst of stock changes. Each change is published at once with the
 * level its own statement left, but two checkouts can commit in one order and reach here in the other,
 * so the last level published may be one step behind. So after each burst (QUIET_MS without a change,
 * at most MAX_WAIT_MS after its first) the changed SKUs are read from the database and published
 * again: the last word is always a read made after the last change. Returns `changed` and `close`.
 */
export function createStockSettler(db: Kysely<Database>, publish: (levels: StockChanges) => void, log: Log) {
  const pending = new Set<string>();
  let quiet: NodeJS.Timeout | undefined;
  let firstAt = 0;
  let closed = false;
  const settle = async () => {
    quiet = undefined;
    const skus = [...pending];
    pending.clear();
    try {
      const levels = await readStockOf(db, skus);
      if (!closed && Object.keys(levels).length > 0) publish(levels);
    } catch (err) {
      if (!closed)
        log.warn({ err, skus: skus.length }, 'stock could not be read again after a burst; the next change corrects it');
    }
  };
  return {
    changed(changes: StockChanges) {
      if (closed) return;
      if (pending.size === 0) firstAt = Date.now();
      for (const sku of Object.keys(changes)) pending.add(sku);
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(settle, Math.max(0, Math.min(QUIET_MS, firstAt + MAX_WAIT_MS - Date.now())));
      quiet.unref();
    },
    close() {
      closed = true;
      if (quiet) clearTimeout(quiet);
    },
  };
}
