import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'three/examples/jsm/libs/fflate.module.js';
import { stampZip, zipEntries, zipEntryData } from '../../scripts/models/zip.ts';

describe('reading a USDZ as a zip (scripts/models/zip.ts)', () => {
  it('lists stored entries in order with their data offsets, so a misaligned file is seen', () => {
    const bytes = zipSync({ 'model.usda': strToU8('#usda 1.0\n'), 'textures/a.png': new Uint8Array(70) }, { level: 0 });
    const entries = zipEntries(bytes);
    expect(entries.map((e) => [e.name, e.method, e.size])).toEqual([
      ['model.usda', 0, 10],
      ['textures/a.png', 0, 70],
    ]);
    // fflate without the exporter's padding puts the first data right after its 40-byte header.
    expect(entries[0]!.dataOffset).toBe(40);
    expect(entries[0]!.dataOffset % 64).not.toBe(0);
    expect(new TextDecoder().decode(zipEntryData(bytes, entries[0]!))).toBe('#usda 1.0\n');
  });

  it('refuses bytes that are not a zip', () => {
    expect(() => zipEntries(strToU8('#usda 1.0'))).toThrow(/not a zip/);
  });

  it('stamps every header with the same time, so two builds give the same bytes', () => {
    const files = { 'model.usda': strToU8('#usda 1.0\n') };
    const a = stampZip(zipSync(files, { level: 0, mtime: new Date(2024, 0, 2, 3, 4, 5) }));
    const b = stampZip(zipSync(files, { level: 0, mtime: new Date(2026, 11, 7, 15, 0, 0) }));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(zipEntries(a).map((e) => e.name)).toEqual(['model.usda']);
  });
});
