/**
 * How the arena is drawn on this device. A browser with no usable GPU (blocklisted driver, a VM, a
 * headless test machine) falls back to a software rasterizer — Chromium's SwiftShader, Mesa's llvmpipe
 * — where every pixel costs CPU: at 1280×720 with 4× MSAA the arena draws 3–4 frames a second there.
 * On such a renderer the store draws without MSAA and at half the pixel ratio, which more than
 * doubles the frame rate; on a real GPU nothing changes.
 */
export interface RenderQuality {
  /** The renderer is a CPU rasterizer. */
  software: boolean;
  /** MSAA on the canvas (fixed when the WebGL context is made). */
  antialias: boolean;
  /** The canvas pixel ratio, [min, max] of the screen's devicePixelRatio, as @react-three/fiber takes it. */
  dpr: [number, number];
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software rasterizer|microsoft basic render/i;

/** The quality for a WebGL renderer string (`UNMASKED_RENDERER_WEBGL`, or `RENDERER` where that is hidden). */
export function qualityFor(renderer: string | null): RenderQuality {
  const software = renderer !== null && SOFTWARE_RENDERERS.test(renderer);
  return software ? { software, antialias: false, dpr: [0.5, 0.5] } : { software, antialias: true, dpr: [1, 1.5] };
}

/**
 * Asks a throwaway WebGL2 context which renderer this browser gives pages, then releases it.
 * Null when the browser hides it or has no WebGL2 (the default quality then applies).
 */
export function probeRenderer(): string | null {
  const gl = document.createElement('canvas').getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
