import type { ReactNode } from 'react';
import { type BufferGeometry, Color, type InstancedMesh, type Material } from 'three';

/** The colour every instance starts with, until the avatar renderer writes the visitor's own. */
const UNSET = new Color('#9aa0a6');

export interface AvatarPartProps {
  geometry: BufferGeometry;
  /** Instance slots. */
  count: number;
  /** A material shared by every instance; else the children give one. */
  material?: Material;
  /** Whether instances carry their own colour (filled with a neutral grey until written). */
  colored?: boolean;
  renderOrder?: number;
  /** The mesh's name (debug tools count drawn avatars by it). */
  name?: string;
  /** Receives the mesh once mounted (null when unmounted), for the per-frame writer. */
  onMesh(mesh: InstancedMesh | null): void;
  children?: ReactNode;
}

/**
 * One instanced body part of every avatar (heads, bodies, tags, ...): one draw call for all visitors.
 * Never culled: the instances spread over the arena, far beyond the geometry's own bounds.
 */
export function AvatarPart({ geometry, count, material, colored = false, renderOrder, name, onMesh, children }: AvatarPartProps) {
  return (
    <instancedMesh
      ref={(mesh) => {
        if (mesh && colored && !mesh.instanceColor) for (let i = 0; i < count; i++) mesh.setColorAt(i, UNSET);
        onMesh(mesh);
      }}
      args={[geometry, material, count]}
      frustumCulled={false}
      renderOrder={renderOrder}
      name={name}
    >
      {children}
    </instancedMesh>
  );
}
