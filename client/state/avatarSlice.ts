import { z } from 'zod';
import { AvatarColor } from '../../shared/api.ts';
import { AvatarSend, JerseyNumber, NO_JERSEY_NUMBER, type TryOn } from '../../shared/together.ts';
import type { AppState, SliceCreator } from './createAppStore.ts';
import { defaultStorage, loadStored, saveStored, type StoredValue, type ValueStorage } from './storedValue.ts';

/** The jersey a visitor wears (name and body colour are the profile's). Remembered in localStorage. */
export interface JerseyLooks {
  /** null: the jersey takes the body colour. */
  color: string | null;
  /** 0–99, or `NO_JERSEY_NUMBER`. */
  number: number;
}

/** Another visitor's looks beyond name and colour (the presence slice has those), by session id. */
export interface RemoteLooks {
  jerseyColor: string;
  jerseyNumber: number;
  /** `productId:colourwayId` being tried on, or ''. */
  tryOn: string;
}

export const DEFAULT_JERSEY: JerseyLooks = { color: null, number: NO_JERSEY_NUMBER };
export const AVATAR_KEY = 'courtside.avatar';

const STORED: StoredValue<JerseyLooks> = {
  key: AVATAR_KEY,
  version: 1,
  field: 'jersey',
  schema: z.object({ color: AvatarColor.nullable(), number: JerseyNumber }),
  fallback: DEFAULT_JERSEY,
};

export function loadJersey(storage: ValueStorage | undefined = defaultStorage()): JerseyLooks {
  return loadStored(STORED, storage);
}

export function saveJersey(jersey: JerseyLooks, storage: ValueStorage | undefined = defaultStorage()): void {
  saveStored(STORED, jersey, storage);
}

export interface AvatarSlice {
  jersey: JerseyLooks;
  /** What this visitor tries on now (not remembered: a fitting lasts the visit). */
  tryOn: TryOn | null;
  remoteLooks: Readonly<Record<string, RemoteLooks>>;
  updateJersey: (patch: Partial<JerseyLooks>) => void;
  setTryOn: (tryOn: TryOn | null) => void;
  setRemoteLooks: (id: string, looks: RemoteLooks | null) => void;
}

export const createAvatarSlice: SliceCreator<AvatarSlice> = (set, get) => ({
  jersey: loadJersey(),
  tryOn: null,
  remoteLooks: {},
  updateJersey: (patch) => {
    const jersey = { ...get().jersey, ...patch };
    set({ jersey });
    saveJersey(jersey);
  },
  setTryOn: (tryOn) => set({ tryOn }),
  setRemoteLooks: (id, looks) =>
    set((s) => {
      const old = s.remoteLooks[id];
      if (!looks) {
        if (!old) return s;
        const { [id]: _gone, ...rest } = s.remoteLooks;
        return { remoteLooks: rest };
      }
      if (old && old.jerseyColor === looks.jerseyColor && old.jerseyNumber === looks.jerseyNumber && old.tryOn === looks.tryOn) {
        return s;
      }
      return { remoteLooks: { ...s.remoteLooks, [id]: looks } };
    }),
});

/**
 * The avatar message for the visitor's looks now: profile name and body colour, the jersey (its
 * colour defaults to the body's) and the try-on. Null while the name is not one the server takes.
 */
export function avatarLooks(s: Pick<AppState, 'profile' | 'jersey' | 'tryOn'>): AvatarSend | null {
  const looks = AvatarSend.safeParse({
    name: s.profile.name.trim(),
    color: s.profile.color,
    jerseyColor: s.jersey.color ?? s.profile.color,
    jerseyNumber: s.jersey.number,
    tryOn: s.tryOn,
  });
  return looks.success ? looks.data : null;
}
