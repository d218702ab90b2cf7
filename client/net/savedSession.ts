import { z } from 'zod';
import { Visitor } from '../../shared/api.ts';

const KEY = 'courtside.session';

/** What survives a reload: the visitor token and profile. Versioned so a later shape can migrate it. */
const SavedSessionV1 = z.object({ version: z.literal(1), token: z.string().min(1), visitor: Visitor });
export type SavedSession = z.infer<typeof SavedSessionV1>;

/** Reads the saved session; anything unreadable or of an unknown version counts as none. */
export function readSavedSession(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): SavedSession | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const parsed = SavedSessionV1.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Saves (or with `null`, forgets) the session. Storage may be unavailable (private mode): then it is per-tab. */
export function writeSavedSession(
  session: Omit<SavedSession, 'version'> | null,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined = globalThis.localStorage,
): void {
  try {
    if (session) storage?.setItem(KEY, JSON.stringify({ version: 1, ...session }));
    else storage?.removeItem(KEY);
  } catch {
    // NOTE: quota or privacy settings; the session still works until the tab closes.
  }
}
