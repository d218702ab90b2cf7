import { z } from 'zod';
import { AvatarColor } from '../../shared/api.ts';
import { AvatarSend, JerseyNumber, NO_JERSEY_NUMBER, type TryOn } from '../../shared/together.ts';
import type { AppState, SliceCreator } from './createAppStore.ts';

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
/** What a stored jersey must look like to be used (persistedPreferences.ts). */
export const StoredJersey: z.ZodType<JerseyLooks> = z.object({ color: AvatarColor.nullable(), number: JerseyNumber });

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
  jersey: DEFAULT_JERSEY,
  tryOn: null,
  remoteLooks: {},
  updateJersey: (patch) => set({ jersey: { ...get().jersey, ...patch } }),
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
