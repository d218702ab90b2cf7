/** One file in a zip archive, as its local header describes it. */
export type ZipEntry = { name: string; method: number; size: number; dataOffset: number };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;

/**
 * The entries of a zip archive in the order they are stored, read from the local headers (a USDZ
 * is a plain zip: stored, no data descriptors). Throws on anything that is not such a zip.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  let offset = 0;
  while (offset + 4 <= bytes.length && view.getUint32(offset, true) === LOCAL) {
    const method = view.getUint16(offset + 8, true);
    const size = view.getUint32(offset + 18, true);
    const nameLength = view.getUint16(offset + 26, true);
    const extraLength = view.getUint16(offset + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 30, offset + 30 + nameLength));
    const dataOffset = offset + 30 + nameLength + extraLength;
    if (dataOffset + size > bytes.length) throw new Error(`zip entry ${name} runs past the end of the file`);
    entries.push({ name, method, size, dataOffset });
    offset = dataOffset + size;
  }
  if (entries.length === 0) throw new Error('not a zip archive (no local file header at the start)');
  if (view.getUint32(offset, true) !== CENTRAL) throw new Error(`zip: expected the central directory at byte ${offset}`);
  return entries;
}

/** The data of one entry, which a USDZ always stores uncompressed. */
export function zipEntryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  return bytes.subarray(entry.dataOffset, entry.dataOffset + entry.size);
}

/**
 * Sets every header's modification time to 1 January 1980 (the zip epoch), in place, so the same
 * model always gives the same bytes and an unchanged USDZ never shows up as a change in git.
 */
export function stampZip(bytes: Uint8Array): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const DOS_EPOCH = { time: 0, date: (0 << 9) | (1 << 5) | 1 };
  for (let k = 0; k + 4 <= bytes.length; k++) {
    const signature = view.getUint32(k, true);
    // NOTE: stored data could by chance contain a signature; only headers the walk reaches are touched.
    if (signature !== LOCAL && signature !== CENTRAL) continue;
    const at = signature === LOCAL ? k + 10 : k + 12;
    view.setUint16(at, DOS_EPOCH.time, true);
    view.setUint16(at + 2, DOS_EPOCH.date, true);
    k = skipHeader(view, k, signature) - 1;
  }
  return bytes;
}

function skipHeader(view: DataView, at: number, signature: number): number {
  if (signature === LOCAL) {
    const size = view.getUint32(at + 18, true);
    return at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true) + size;
  }
  return at + 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
}
