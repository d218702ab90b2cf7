/**
 * The frame, in order: every per-frame system of the 3D stage runs in one of these stages, as a
 * `useFrame(callback, FRAME.stage)`. R3F runs callbacks by ascending priority (in mount order within
 * one priority) and then renders.
 *
 * NOTE: the priorities are negative on purpose. In @react-three/fiber 9 any positive priority takes
 * rendering over (R3F stops calling `gl.render` itself), and negative ones do not. They sit between
 * @react-three/xr's own steps: its frame update (input states, -1000), XR spaces following the
 * controllers (-100) and its pointers (-50) run before every stage here, so input and locomotion
 * read this frame's controllers; its pre-render step (0) and everything else at 0 (drei, uikit,
 * XR controller and hand models) runs after the effects.
 *
 * 1. `input`: devices into intents — the left controller's menu (XrMenuButton) and talk (XrPushToTalk)
 *    buttons, the desktop crosshair's hover ray (ShelfProducts), grabbed products following the hand
 *    (useShelfGrab).
 * 2. `locomotion`: XR gestures move the rig state — stick teleport, stick turn, hand teleport, smooth
 *    walk (one hook each, run in the order XrLocomotion calls them), then the target ring and the
 *    vignette's strength.
 * 3. `rig`: the body — on desktop PlayerRig applies look and move intents to the pose and the camera;
 *    in a headset XrRig places the XR origin where locomotion put it and reads the head and hands
 *    back into `localPlayer`. NOTE: after locomotion, not before: so a turn or teleport shows in the
 *    same frame, and the pose the network sends is the one drawn.
 * 4. `avatarPoses`, then `avatarParts`: remote visitors' poses are sampled once (Avatars), then each
 *    instanced part writes its own mesh (scene/avatars/).
 * 5. `effects`: what follows the camera, the clock or the avatars — the inspected product, reaction
 *    and typing bubbles, speaking rings, the comfort vignette, the match screens' feeds, scoreboard
 *    and markers, the 360° sphere, the AR reticle.
 *
 * Not per frame, on purpose (timers, not `useFrame`): the pose sender (20 Hz) and the clock pings (six at
 * join, then every 10 s) in net/room.ts, the match player's video sync (media/matchPlayer.ts),
 * voice peer selection (media/voice/voiceSession.ts) and the match audio's routing retry: they keep
 * their cadence when the tab draws slowly or not at all. The squad mini-map (a DOM canvas) redraws at
 * its own few hertz and useTick re-renders countdowns once a second, outside the 3D stage.
 * Debug tools count rendered frames after the render (client/debug/statsProbe.ts).
 */
export const FRAME = {
  input: -40,
  locomotion: -35,
  rig: -30,
  avatarPoses: -25,
  avatarParts: -20,
  effects: -15,
} as const;

export type FrameStage = keyof typeof FRAME;
