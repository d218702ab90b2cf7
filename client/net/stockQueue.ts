/**
 * Collects stock changes from room callbacks and writes them to the store once per microtask, so a
 * first patch with hundreds of SKUs is one store update, not hundreds (Hubs' "callbacks only queue").
 */
export function createStockQueue(
  apply: (changes: Readonly<Record<string, number>>) => void,
): (sku: string, count: number) => void {
  let pending: Record<string, number> | null = null;
  return (sku, count) => {
    if (!pending) {
      pending = {};
      queueMicrotask(() => {
        const changes = pending;
        pending = null;
        if (changes) apply(changes);
      });
    }
    pending[sku] = count;
  };
}
