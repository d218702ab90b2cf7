import { useThree } from '@react-three/fiber';
import { useExpose } from '../debug/inspect.ts';
import { useEffect, useMemo } from 'react';
import { IfInSessionMode } from '@react-three/xr';
import { Arena } from './Arena.tsx';
import { Avatars } from './avatars/Avatars.tsx';
import { SelfAvatar } from './avatars/SelfAvatar.tsx';
import { SpeakingRings } from './SpeakingRings.tsx';
import { HostOnStage } from './HostOnStage.tsx';
import { ChatBubbles } from './ChatBubbles.tsx';
import { CourtLights } from './CourtLights.tsx';
import { InspectView } from './InspectView.tsx';
import { PlayerRig } from './PlayerRig.tsx';
import { ShelfProducts } from './ShelfProducts.tsx';
import { ShelfTags } from './ShelfTags.tsx';
import { Shelves } from './Shelves.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { createXrRigState } from '../xr/xrRig.ts';
import { ShowMeGuide } from './ShowMeGuide.tsx';
import { XrReachHint } from '../xr/XrReachHint.tsx';
import { XrPanelsLazy } from '../ui/panels/XrPanelsLazy.tsx';
import { ArViewLazy } from './ar/ArViewLazy.tsx';
import { useApp } from '../state/context.tsx';
import { MatchPlayerProvider } from './match/MatchPlayerContext.tsx';
import { Match360 } from './match/Match360.tsx';
import { MatchAudio } from './match/MatchAudio.tsx';
import { WallScreen } from './match/WallScreen.tsx';
import { LaunchReveal } from './launch/LaunchReveal.tsx';
import { Reveal360 } from './launch/Reveal360.tsx';
import { RevealLanding } from './launch/RevealLanding.tsx';

/** The wall screen over the west end stands, facing the court. */
const WALL_SCREEN = { x: -38.5, y: 9, rotationY: Math.PI / 2 } as const;

const IMMERSIVE: XRSessionMode[] = ['immersive-vr', 'immersive-ar'];
const VR: XRSessionMode[] = ['immersive-vr'];
const AR: XRSessionMode[] = ['immersive-ar'];

export interface SceneProps {
  /** Colour of the dark roof and the distance haze. */
  background?: string;
}

/**
 * Everything the visitor sees: the arena with its match screens, the gear shelves with their products and
 * tags, other visitors, a launch event's reveal on center court, the inspected product, and the rig that moves the camera (or, stepped into the
 * match, its 360° view); in an `immersive-ar` session only the product placed
 * in the visitor's room. Mount inside <Canvas> once the catalog is loaded.
 */
export function Scene({ background = '#07080d' }: SceneProps) {
  const camera = useThree((s) => s.camera);
  const view360 = useApp((s) => s.view360);
  // NOTE: one XR origin shared by the rig and "Show me", which teleports it in a headset.
  const rig = useMemo(createXrRigState, []);
  useExpose(
    'stage',
    useThree((s) => s.get),
  );
  useEffect(() => {
    camera.rotation.order = 'YXZ';
  }, [camera]);
  return (
    <MatchPlayerProvider>
      {/* NOTE: in AR the room is the visitor's own (passthrough): no arena, no avatars, a transparent clear. */}
      <IfInSessionMode deny={AR}>
        <color attach="background" args={[background]} />
        {/* NOTE: the 360° view replaces the arena; unmounted, its shelves cannot catch a click behind the sphere. */}
        {view360 ? (
          <>
            <Match360 />
            <Reveal360 />
          </>
        ) : (
          <>
            <fog attach="fog" args={[background, 38, 95]} />
            <CourtLights />
            <Arena />
            <LaunchReveal />
            <WallScreen position={[WALL_SCREEN.x, WALL_SCREEN.y, 0]} rotation-y={WALL_SCREEN.rotationY} />
            <Shelves />
            <ShelfProducts />
            <ShelfTags />
            <Avatars />
            <SelfAvatar />
            <SpeakingRings />
            <HostOnStage />
            <ChatBubbles />
            <ShowMeGuide rig={rig} />
          </>
        )}
        {/* NOTE: in the 360° view too: the reveal's hero lands there as in the arena, and Inspect works from a moment's card. */}
        <InspectView />
        <RevealLanding />
        <MatchAudio />
      </IfInSessionMode>
      {/* NOTE: in a headset the headset drives the camera; the XR rig moves the origin instead. */}
      <IfInSessionMode deny={IMMERSIVE}>
        <PlayerRig />
      </IfInSessionMode>
      <IfInSessionMode allow={VR}>
        <XrRig rig={rig} />
        <XrReachHint />
        <XrPanelsLazy />
      </IfInSessionMode>
      <IfInSessionMode allow={AR}>
        <ArViewLazy />
      </IfInSessionMode>
    </MatchPlayerProvider>
  );
}
