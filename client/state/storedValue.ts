import { z } from 'zod';

/** The part of the Web Storage API stored values need (a test passes an in-memory one). */
export type ValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or undefined where the page may not use it. */
export function defaultStorage(): ValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // NOTE: a sandboxed iframe or disabled storage throws on access; values then last for the page.
    return undefined;
  }
}

/**
 * A value kept in localStorage as `{ version, [field]: value }`, so a later shape can migrate. Loading
 * anything missing, unparsable, of another version or out of its schema gives a copy of the fallback.
 */
export interface StoredValue<T> {
  key: string;
  version: number;
  /** The property the value sits under in the stored object (`settings`, `preferences`). */
  field: string;
  schema: z.ZodType<T>;
  fallback: T;
}

export function loadStored<T>(spec: StoredValue<T>, storage: ValueStorage | undefined = defaultStorage()): T {
  try {
    const raw = storage?.getItem(spec.key);
    if (!raw) return structuredClone(spec.fallback);
    const parsed = z.object({ version: z.literal(spec.version), [spec.field]: spec.schema }).safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data[spec.field] as T) : structuredClone(spec.fallback);
  } catch {
    return structuredClone(spec.fallback);
  }
}

/** Writes a value with its version (best effort: a full or blocked storage only loses the memory). */
export function saveStored<T>(spec: StoredValue<T>, value: T, storage: ValueStorage | undefined = defaultStorage()): void {
  try {
    storage?.setItem(spec.key, JSON.stringify({ version: spec.version, [spec.field]: value }));
  } catch {
    // ignored on purpose: see the JSDoc
  }
}
