import { describe, expect, it } from 'vitest';
import { qualityFor } from '../../../../client/scene/renderQuality.ts';

describe('render quality by renderer', () => {
  it('a software rasterizer draws without MSAA at half the pixel ratio', () => {
    for (const renderer of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'Google SwiftShader',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
      'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)',
    ]) {
      expect(qualityFor(renderer), renderer).toEqual({ software: true, antialias: false, dpr: [0.5, 0.5] });
    }
  });

  it('a GPU, or a browser that hides its renderer, keeps MSAA and the screen’s pixel ratio up to 1.5', () => {
    for (const renderer of [
      'Adreno (TM) 740',
      'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
      'Apple GPU',
      null,
    ]) {
      expect(qualityFor(renderer), String(renderer)).toEqual({ software: false, antialias: true, dpr: [1, 1.5] });
    }
  });
});
