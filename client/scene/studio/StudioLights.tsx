import { Environment, Lightformer } from '@react-three/drei';

export interface StudioLightsProps {
  /** Cube-map face size: small in a headset, where the studio must stay cheap. */
  resolution?: number;
}

/**
 * Studio light for the inspected product: a self-hosted environment built from Lightformers (a
 * softbox overhead, a key and a fill at the sides, a rim strip behind), rendered once into a small
 * cube map. NOTE: never drei's `preset` or files: those fetch HDRs from a CDN. Mounted only while
 * inspecting, when the backdrop hides the arena that the environment would also light.
 */
export function StudioLights({ resolution = 128 }: StudioLightsProps) {
  return (
    <Environment frames={1} resolution={resolution}>
      <color attach="background" args={['#2a2a2e']} />
      <Lightformer form="rect" intensity={3} color="#ffffff" position={[0, 5, 0]} rotation-x={Math.PI / 2} scale={[6, 6, 1]} />
      <Lightformer
        form="rect"
        intensity={2.2}
        color="#fff4e6"
        position={[-5, 1.5, 3]}
        rotation-y={Math.PI / 3}
        scale={[3, 4, 1]}
      />
      <Lightformer form="rect" intensity={0.9} color="#e6f0ff" position={[5, 1, 2]} rotation-y={-Math.PI / 3} scale={[3, 3, 1]} />
      <Lightformer form="rect" intensity={2.5} color="#ffffff" position={[0, 2, -5]} scale={[8, 0.6, 1]} />
      <Lightformer form="ring" intensity={1.2} color="#ffffff" position={[2, 3, 4]} scale={1.5} target={[0, 0, 0]} />
    </Environment>
  );
}
