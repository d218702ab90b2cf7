import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from './state/context.tsx';
import { useBoot } from './useBoot.ts';
import { STAGE_LABELS_ID } from './scene/stageLabels.ts';
import { LoadingScreen } from './ui/entry/LoadingScreen.tsx';
import { EntryScreen } from './ui/entry/EntryScreen.tsx';
import { ControlsHint, Hud } from './ui/hud/Hud.tsx';
import { Panels } from './ui/panels/Panels.tsx';
import { ChatPanel } from './ui/chat/ChatPanel.tsx';
import { Notice } from './ui/shared/Notice.tsx';
import { TakenOverNotice } from './ui/shared/TakenOverNotice.tsx';
import { MatchOverlay } from './ui/match/MatchOverlay.tsx';
import { DomControls } from './xr/DomControls.tsx';
import { EventsPanel } from './ui/events/EventsPanel.tsx';
import { OfferCards } from './ui/offers/OfferCards.tsx';
import { HostBar } from './ui/host/HostBar.tsx';
import { ReachHint } from './ui/reach/ReachHint.tsx';
import { ReachOffer } from './ui/reach/ReachOffer.tsx';
import { useArHandOff } from './ui/arLinks/useArHandOff.ts';

// NOTE: three.js, R3F and drei are most of the JS; loading them after the first paint lets the
// loading screen (and its progress bar) show at once.
const Stage = lazy(() => import('./Stage.tsx').then((m) => ({ default: m.Stage })));

/** Keeps i18next and the page's `lang` on the profile's language (the store is the one source). */
function useLanguageSync(): void {
  const { i18n } = useTranslation();
  const locale = useApp((s) => s.profile.locale);
  useEffect(() => {
    if (i18n.language !== locale) void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);
}

/**
 * The page: the 3D arena on a Canvas (drawn once the catalog is known; it is the backdrop of the
 * loading and entry screens too) and the DOM overlay beside it.
 */
export function App() {
  const { detail, onModelLoad } = useBoot();
  useLanguageSync();
  useArHandOff();
  const phase = useApp((s) => s.phase);
  const panel = useApp((s) => s.panel);
  const panelOpen = panel !== 'none';
  const view360 = useApp((s) => s.view360);
  return (
    <div className={`app phase-${phase} ${panelOpen ? 'panel-open' : ''} ${view360 ? 'view-360' : ''}`}>
      {/* NOTE: the 3D view is a picture to assistive technology: nothing in it takes focus; the store directory is its accessible twin. */}
      <div className="stage" data-testid="stage" aria-hidden="true">
        <Suspense fallback={null}>
          <Stage onModelLoad={onModelLoad} />
        </Suspense>
      </div>
      {/* NOTE: the HUD is the page's one banner; everything else sits in one main landmark (a static box: its children keep their own positions). */}
      {phase === 'arena' && <Hud />}
      <main className="overlay">
        {/* NOTE: labels pinned to 3D things (the studio's hotspots, drei Html) live here, not in the aria-hidden stage: they are buttons. */}
        <div className="stage-labels" id={STAGE_LABELS_ID} />
        {phase === 'arena' && <DomControls />}
        {phase === 'arena' && <ReachHint />}
        {phase === 'arena' && <ReachOffer />}
        {phase === 'arena' && <ControlsHint />}
        {phase === 'arena' && <MatchOverlay />}
        {phase === 'arena' && <HostBar />}
        {phase === 'arena' && <Panels />}
        {phase === 'arena' && <OfferCards />}
        {phase === 'arena' && <ChatPanel />}
        {phase === 'entry' && <EntryScreen />}
        {phase === 'entry' && panel === 'events' && <EventsPanel />}
        {phase === 'loading' && <LoadingScreen detail={detail} />}
        <Notice />
        {phase === 'arena' && <TakenOverNotice />}
      </main>
    </div>
  );
}
