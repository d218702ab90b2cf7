import type { Page } from 'playwright-core';

/**
 * Names of the scene's top-level children, in the order client/scene/Scene.tsx mounts them
 * (InspectView adds nothing while no product is inspected). Keep in step with Scene.tsx.
 */
const SCENE_PARTS = ['CourtLights', 'Arena', 'Shelves', 'ShelfProducts', 'Avatars', 'InspectView'];

/** Draw calls and triangles spent on one kind of object within a pass. */
export interface DrawGroup {
  /**
   * `<Scene part>/<index of its child> <object type>(<geometry>) <material>`, plus `[shadow]` for
   * shadow-map draws; e.g. `Arena/4 InstancedMesh(BufferGeometry) ×5832 MeshLambertMaterial`.
   */
  group: string;
  calls: number;
  triangles: number;
}

/** One `renderer.render()` call: the screen or a render target, with its draws grouped. */
export interface RenderPass {
  target: 'screen' | 'render target';
  calls: number;
  triangles: number;
  groups: DrawGroup[];
}

/**
 * Where a frame's draw calls and triangles go. Wraps the page's WebGLRenderer (found through
 * three's devtools hook, see arenaPage.ts) for `renders` render() calls: every draw passes through
 * `renderBufferDirect`, so the change in `renderer.info` around it is exactly that draw's cost.
 * Shadow-map draws (rendered with a null scene) are marked `[shadow]`. Also returns how many
 * frames the probe counted meanwhile, so passes per frame can be told.
 */
export async function drawBreakdown(page: Page, renders = 4): Promise<{ frames: number; passes: RenderPass[] }> {
  return page.evaluate(
    async ({ count, parts }) => {
      interface Obj {
        type: string;
        parent: Obj | null;
        isScene?: boolean;
        isInstancedMesh?: boolean;
        count?: number;
        children: Obj[];
      }
      interface Renderer {
        info: { render: { calls: number; triangles: number } };
        render(scene: Obj, camera: unknown): void;
        renderBufferDirect(
          camera: unknown,
          scene: Obj | null,
          geometry: { type: string },
          material: { type: string },
          object: Obj,
          group: unknown,
        ): void;
        getRenderTarget(): unknown;
      }
      const r = (window as unknown as { __benchThree: { renderer?: Renderer } }).__benchThree.renderer;
      if (!r) throw new Error('no WebGLRenderer observed (three devtools hook not reached)');
      const info = r.info.render;
      const passes: {
        target: 'screen' | 'render target';
        calls: number;
        triangles: number;
        groups: Map<string, { calls: number; triangles: number }>;
      }[] = [];
      let current: (typeof passes)[number] | null = null;
      // The object's place under the scene: top-level part name / index of the part's child.
      const place = (o: Obj): string => {
        const chain: Obj[] = [];
        for (let node: Obj | null = o; node && !node.isScene; node = node.parent) chain.unshift(node);
        const [top, second] = chain;
        if (!top?.parent) return '?';
        const i = top.parent.children.indexOf(top);
        const name = parts[i] ?? `#${i}`;
        return second ? `${name}/${top.children.indexOf(second)}` : name;
      };
      const render = r.render;
      const direct = r.renderBufferDirect;
      r.render = function (scene, camera) {
        const pass: (typeof passes)[number] = {
          target: r.getRenderTarget() ? 'render target' : 'screen',
          calls: 0,
          triangles: 0,
          groups: new Map(),
        };
        current = pass;
        try {
          render.call(this, scene, camera);
        } finally {
          pass.calls = info.calls;
          pass.triangles = info.triangles;
          passes.push(pass);
          current = null;
        }
      };
      r.renderBufferDirect = function (camera, scene, geometry, material, object, group) {
        const c0 = info.calls;
        const t0 = info.triangles;
        direct.call(this, camera, scene, geometry, material, object, group);
        if (!current) return;
        const kind = object.isInstancedMesh
          ? `InstancedMesh(${geometry.type}) ×${object.count}`
          : `${object.type}(${geometry.type})`;
        const key = `${place(object)} ${kind} ${material.type}${scene === null ? ' [shadow]' : ''}`;
        const g = current.groups.get(key) ?? { calls: 0, triangles: 0 };
        g.calls += info.calls - c0;
        g.triangles += info.triangles - t0;
        current.groups.set(key, g);
      };
      const stats = window.__courtsideStats!;
      const f0 = stats.frames;
      try {
        const deadline = performance.now() + 30_000;
        while (passes.length < count && performance.now() < deadline) await new Promise((res) => requestAnimationFrame(res));
      } finally {
        r.render = render;
        r.renderBufferDirect = direct;
      }
      return {
        frames: stats.frames - f0,
        passes: passes.map((p) => ({
          target: p.target,
          calls: p.calls,
          triangles: p.triangles,
          groups: [...p.groups]
            .map(([group, v]) => ({ group, ...v }))
            .sort((a, b) => b.triangles - a.triangles || b.calls - a.calls),
        })),
      };
    },
    { count: renders, parts: SCENE_PARTS },
  );
}
