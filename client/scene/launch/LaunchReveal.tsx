import type { ThreeElements } from '@react-three/fiber';
import { LaunchStage } from './LaunchStage.tsx';
import { RevealHero } from './RevealHero.tsx';
import { RevealSpots } from './RevealSpots.tsx';

export type LaunchRevealProps = Omit<ThreeElements['group'], 'ref'>;

/**
 * The reveal on center court: the launch stage, the spotlights and the giant hero, each following
 * the reveal timeline on the server's clock (revealTimeline.ts). The arena lights go down in
 * CourtLights; the landing in front of the visitor is RevealLanding's. Each part is hidden, and
 * draws nothing, while no reveal is on.
 */
export function LaunchReveal(props: LaunchRevealProps) {
  return (
    <group name="launch-reveal" {...props}>
      <LaunchStage />
      <RevealSpots />
      <RevealHero />
    </group>
  );
}
