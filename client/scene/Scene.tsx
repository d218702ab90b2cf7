import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { IfInSessionMode } from '@react-three/xr';
import { Arena } from './Arena.tsx';
import { Avatars } from './Avatars.tsx';
import { CourtLights } from './CourtLights.tsx';
import { InspectView } from './InspectView.tsx';
import { PlayerRig } from './PlayerRig.tsx';
import { ShelfProducts } from './ShelfProducts.tsx';
import { ShelfTags } from './ShelfTags.tsx';
import { Shelves } from './Shelves.tsx';
import { StatsProbe } from './StatsProbe.tsx';
import { XrRig } from '../xr/XrRig.tsx';
import { XrPanelsLazy } from '../ui/xr/XrPanelsLazy.tsx';
import { ArViewLazy } from '../xr/ar/ArViewLazy.tsx';

const IMMERSIVE: XRSessionMode[] = ['immersive-vr', 'immersive-ar'];
const VR: XRSessionMode[] = ['immersive-vr'];
const AR: XRSessionMode[] = ['immersive-ar'];

export interface SceneProps {
  /** Colour of the dark roof and the distance haze. */
  background?: string;
}

/**
 * Everything the visitor sees: the arena, the gear shelves with their products and tags, other visitors, the
 * inspected product, and the rig that moves the camera; in an `immersive-ar` session only the product placed
 * in the visitor's room. Mount inside <Canvas> once the catalog is loaded.
 */
export function Scene({ background = '#07080d' }: SceneProps) {
  const camera = useThree((s) => s.camera);
  useEffect(() => {
    camera.rotation.order = 'YXZ';
  }, [camera]);
  return (
    <>
      {/* NOTE: in AR the room is the visitor's own (passthrough): no arena, no avatars, a transparent clear. */}
      <IfInSessionMode deny={AR}>
        <color attach="background" args={[background]} />
        <fog attach="fog" args={[background, 38, 95]} />
        <CourtLights />
        <Arena />
        <Shelves />
        <ShelfProducts />
        <ShelfTags />
        <Avatars />
        <InspectView />
      </IfInSessionMode>
      {/* NOTE: in a headset the headset drives the camera; the XR rig moves the origin instead. */}
      <IfInSessionMode deny={IMMERSIVE}>
        <PlayerRig />
      </IfInSessionMode>
      <IfInSessionMode allow={VR}>
        <XrRig />
        <XrPanelsLazy />
      </IfInSessionMode>
      <IfInSessionMode allow={AR}>
        <ArViewLazy />
      </IfInSessionMode>
      <StatsProbe />
    </>
  );
}
