import { persist } from 'zustand/middleware';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createCatalogSlice, type CatalogSlice } from './catalogSlice.ts';
import { createCartSlice, type CartSlice } from './cartSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';
import { createPresenceSlice, type PresenceSlice } from './presenceSlice.ts';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice.ts';
import { createMatchSlice, type MatchSlice } from './matchSlice.ts';
import { createVoiceSlice, type VoiceSlice } from './voiceSlice.ts';
import { createSquadSlice, type SquadSlice } from './squadSlice.ts';
import { createAvatarSlice, type AvatarSlice } from './avatarSlice.ts';
import { createChatSlice, type ChatSlice } from './chatSlice.ts';
import { createGroupBuySlice, type GroupBuySlice } from './groupBuySlice.ts';
import { createEventsSlice, type EventsSlice } from './eventsSlice.ts';
import { createOffersSlice, type OffersSlice } from './offersSlice.ts';
import { createEventExtrasSlice, type EventExtrasSlice } from './eventExtrasSlice.ts';
import { createQnaSlice, type QnaSlice } from './qnaSlice.ts';
import { createDirectorySlice, type DirectorySlice } from './directorySlice.ts';
import { createReachSlice, type ReachSlice } from './reachSlice.ts';
import { createStudioSlice, type StudioSlice } from './studioSlice.ts';
import { persistPreferences, type PreferenceStorage } from './persistedPreferences.ts';

/** The whole client state: one store, sliced by domain. Per-frame data (poses) lives outside it. */
export type AppState = SessionSlice &
  CatalogSlice &
  CartSlice &
  UiSlice &
  PresenceSlice &
  SettingsSlice &
  MatchSlice &
  VoiceSlice &
  SquadSlice &
  AvatarSlice &
  ChatSlice &
  GroupBuySlice &
  EventsSlice &
  OffersSlice &
  EventExtrasSlice &
  QnaSlice &
  DirectorySlice &
  ReachSlice &
  StudioSlice;
export type AppStore = StoreApi<AppState>;

/** A slice creator: gets the store's `set`/`get`, returns its part of the state. */
export type SliceCreator<S> = (set: StoreApi<AppState>['setState'], get: StoreApi<AppState>['getState']) => S;

export interface AppStoreOptions {
  /** Where preferences are remembered (persistedPreferences.ts); localStorage by default. */
  storage?: PreferenceStorage;
}

/** Makes a fresh app store (one per page; one per test), with the remembered preferences read back. */
export function createAppStore(options: AppStoreOptions = {}): AppStore {
  return createStore<AppState>()(
    persist(
      (set, get) => ({
        ...createSessionSlice(set, get),
        ...createCatalogSlice(set, get),
        ...createCartSlice(set, get),
        ...createUiSlice(set, get),
        ...createPresenceSlice(set, get),
        ...createSettingsSlice(set, get),
        ...createMatchSlice(set, get),
        ...createVoiceSlice(set, get),
        ...createSquadSlice(set, get),
        ...createAvatarSlice(set, get),
        ...createChatSlice(set, get),
        ...createGroupBuySlice(set, get),
        ...createEventsSlice(set, get),
        ...createOffersSlice(set, get),
        ...createEventExtrasSlice(set, get),
        ...createQnaSlice(set, get),
        ...createDirectorySlice(set, get),
        ...createReachSlice(set, get),
        ...createStudioSlice(set, get),
      }),
      persistPreferences(options.storage),
    ),
  );
}
