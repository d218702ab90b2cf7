import type { SliceCreator } from './createAppStore.ts';

/** Who else is here, for lists and counts. Their poses are per-frame data in `remotePoses`, not here. */
export interface RemoteVisitor {
  id: string;
  name: string;
  color: string;
}

export interface PresenceSlice {
  /** This visitor's session id in the room (to tell self from others). */
  selfId: string | null;
  visitors: Readonly<Record<string, RemoteVisitor>>;
  setSelfId: (id: string | null) => void;
  upsertVisitor: (visitor: RemoteVisitor) => void;
  removeVisitor: (id: string) => void;
}

export const createPresenceSlice: SliceCreator<PresenceSlice> = (set) => ({
  selfId: null,
  visitors: {},
  setSelfId: (selfId) => set({ selfId }),
  upsertVisitor: (v) =>
    set((s) => {
      const old = s.visitors[v.id];
      if (old && old.name === v.name && old.color === v.color) return s;
      return { visitors: { ...s.visitors, [v.id]: v } };
    }),
  removeVisitor: (id) =>
    set((s) => {
      if (!(id in s.visitors)) return s;
      const { [id]: _gone, ...rest } = s.visitors;
      return { visitors: rest };
    }),
});
