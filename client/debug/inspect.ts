import { useEffect } from 'react';

/**
 * Live objects the app offers to debug tools (the tests' and developers' probes), by name. Empty
 * here: each offering module adds its entry with `declare module './inspect.ts'`, so an entry's type
 * lives beside its value and this bottom-floor file imports nothing from the app.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging where each value is offered
export interface Inspectable {}

/** Where offered objects go. Only debug pages have one (installed by client/debug/hook.ts). */
export interface InspectPort {
  offer<K extends keyof Inspectable>(name: K, value: Inspectable[K]): () => void;
  get<K extends keyof Inspectable>(name: K): Inspectable[K] | undefined;
}

declare global {
  interface Window {
    __courtsideInspect?: InspectPort;
  }
}

const nothing = () => {};

/**
 * Offers `value` to debug tools under `name` until the returned function is called. On a product
 * page there is no port and this does nothing: product code never knows what the tools do with it.
 */
export function expose<K extends keyof Inspectable>(name: K, value: Inspectable[K]): () => void {
  if (typeof window === 'undefined') return nothing;
  return window.__courtsideInspect?.offer(name, value) ?? nothing;
}

/** Offers `value` under `name` while the calling component is mounted (again whenever it changes). */
export function useExpose<K extends keyof Inspectable>(name: K, value: Inspectable[K]): void {
  useEffect(() => expose(name, value), [name, value]);
}
