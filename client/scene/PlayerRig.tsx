import { useMemo, useRef } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { ARENA, spawnPoint } from '../../shared/arena.ts';
import { standingEyeHeight } from '../../shared/stage.ts';
import { useServices } from '../state/context.tsx';
import { arenaWalkArea, slideMove } from '../xr/collision.ts';
import { RUN_SPEED, WALK_SPEED, clampPitch, worldStep, wrapAngle } from '../xr/intents.ts';
import { FRAME } from '../frame.ts';
import { showsSelf } from '../state/studioSlice.ts';
import { selfViewCamera } from './avatars/selfView.ts';
import { faceCourt } from './faceCourt.ts';
import { stageBlocksOnClock, stageUpOnClock } from './launch/stageObstacle.ts';

export interface PlayerRigProps {
  walkSpeed?: number;
  runSpeed?: number;
  /** Seconds per turn of the slow fly-around shown behind the entry screen. */
  orbitPeriod?: number;
}

/** Closer to center court than this, a visitor would stand inside the raised stage. */
const ONTO_STAGE = ARENA.stage.radius + ARENA.visitorRadius;

/** Longest frame step applied, so a stalled tab doesn't teleport the visitor on resume. */
const MAX_DT = 0.25;

/**
 * The visitor's body: each frame it applies the look and move intents in `localPlayer` to the camera,
 * through floor collision, and writes the resulting pose back for the network to send. Walking and
 * looking pause while a panel is open or a product is being inspected. Before entering, the camera
 * slowly circles the arena as the entry screen's backdrop.
 */
export function PlayerRig({ walkSpeed = WALK_SPEED, runSpeed = RUN_SPEED, orbitPeriod = 120 }: PlayerRigProps) {
  const { store, localPlayer, serverClock } = useServices();
  const camera = useThree((s) => s.camera);
  const stageUp = useMemo(() => stageUpOnClock(store, serverClock), [store, serverClock]);
  const stageBlocks = useMemo(() => stageBlocksOnClock(store, serverClock), [store, serverClock]);
  const area = useMemo(() => arenaWalkArea(stageBlocks), [stageBlocks]);
  const spawned = useRef(false);
  const was360 = useRef(false);
  const step = useMemo(() => ({ x: 0, z: 0 }), []);

  useFrame((state, delta) => {
    const { phase, panel, inspecting, view360 } = store.getState();
    const { pose, look, move } = localPlayer;
    if (phase !== 'arena') {
      spawned.current = false;
      const a = (state.clock.elapsedTime / orbitPeriod) * Math.PI * 2;
      camera.position.set(Math.cos(a) * 19, 6.5, Math.sin(a) * 12);
      camera.lookAt(0, 1.2, 0);
      return;
    }
    if (!spawned.current) {
      const spawn = spawnPoint(Math.floor(Math.random() * 360));
      pose.x = spawn.x;
      pose.z = spawn.z;
      pose.y = ARENA.eyeHeight;
      pose.yaw = spawn.yaw;
      pose.pitch = 0;
      spawned.current = true;
    }
    // NOTE: back from the 360° view (looked around, often at the floor) the visitor faces the court again.
    if (was360.current && !view360) Object.assign(pose, faceCourt(pose.x, pose.z));
    was360.current = view360;
    const free = panel === 'none' && !inspecting;
    if (free) {
      pose.yaw = wrapAngle(pose.yaw + look.yaw);
      pose.pitch = clampPitch(pose.pitch + look.pitch);
      if (move.x !== 0 || move.z !== 0) {
        const dt = Math.min(delta, MAX_DT);
        worldStep(pose.yaw, move, localPlayer.run ? runSpeed : walkSpeed, dt, step);
        slideMove(area, pose, step.x, step.z, pose);
      } else if (Math.hypot(pose.x, pose.z) < ONTO_STAGE && stageBlocks()) {
        // NOTE: the stage rose under a visitor standing still on center court: step them off its edge.
        slideMove(area, pose, 0, 0, pose);
      }
    }
    // NOTE: on the launch stage's top while it is up (only its host gets there); the floor everywhere else.
    pose.y = standingEyeHeight(pose.x, pose.z, stageUp());
    look.yaw = 0;
    look.pitch = 0;
    camera.position.set(pose.x, pose.y, pose.z);
    camera.rotation.set(pose.pitch, pose.yaw, 0, 'YXZ');
    if (showsSelf(store.getState())) {
      // NOTE: only the camera moves: the pose (what others see, where the visitor stands) stays.
      const view = selfViewCamera(area, pose);
      camera.position.set(view.x, view.y, view.z);
      camera.lookAt(view.target.x, view.target.y, view.target.z);
    }
    localPlayer.placed = true;
  }, FRAME.rig);
  return null;
}
