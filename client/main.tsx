import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { defaultCurrencyFor } from '../shared/money.ts';
import { createAppStore } from './state/createAppStore.ts';
import { createRemotePoses } from './state/remotePoses.ts';
import { createLocalPlayer } from './state/localPlayer.ts';
import { ServicesContext, type AppServices } from './state/context.tsx';
import { createConnection } from './net/createConnection.ts';
import { createServerClock } from './net/serverClock.ts';
import { createVoiceService } from './media/voice/voiceService.ts';
import { createStageVoiceService } from './media/stage/stageVoiceService.ts';
import { createI18n } from './i18n/i18n.ts';
import { toLocale } from './i18n/format.ts';
import { isDebugPage } from './debug/flag.ts';
import { App } from './App.tsx';
import './styles.css';

// The page's services, made once: the store, the per-frame pose buffers, the one connection (every
// feature's server traffic goes through it) and voice.
const i18n = await createI18n();
const store = createAppStore();
const locale = toLocale(i18n.language);
store.getState().setProfile({ locale, currency: defaultCurrencyFor(locale) });
const remotePoses = createRemotePoses();
const localPlayer = createLocalPlayer();
const serverClock = createServerClock();
const connection = createConnection({ store, remotePoses, localPlayer, serverClock });
const voice = createVoiceService({ store, remotePoses, localPlayer, connection });
const stageVoice = createStageVoiceService(store, connection.stageSignals);
const services: AppServices = { store, remotePoses, localPlayer, connection, serverClock, voice, stageVoice };
// NOTE: the tests' and developers' probes load only on a debug page (`?e2e`, the dev server), in their own chunk.
if (isDebugPage()) (await import('./debug/hook.ts')).installDebugHook(services);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <ServicesContext.Provider value={services}>
        <App />
      </ServicesContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
