import type { AppStore } from '../state/createAppStore.ts';

/**
 * One `T` per app store, made on first use: how net helpers that the room binding and lazily loaded
 * code both need (voice signals, the status sender) find each other without another service in
 * main.tsx. A page has one store; each test its own.
 */
export function perStore<T>(make: (store: AppStore) => T): (store: AppStore) => T {
  const made = new WeakMap<AppStore, T>();
  return (store) => {
    let value = made.get(store);
    if (value === undefined) {
      value = make(store);
      made.set(store, value);
    }
    return value;
  };
}
