// The frame header of a JPEG, found by walking its markers: what the signer page needs to check an
// uploaded stamp (size, colour components) and the final PDF to declare it, without decoding it.
export interface JpegHeader {
  width: number;
  height: number;
  components: number;
}

// Start-of-frame markers (baseline, extended, progressive, lossless; not DHT, JPG or DAC).
const frameMarkers = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** The frame header of a JPEG, or null when its markers do not add up to one before the scan. */
export function readJpegHeader(bytes: Uint8Array): JpegHeader | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 4 || buffer[0] !== 0xff || buffer[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= buffer.length) {
    if (buffer[at] !== 0xff) return null;
    const marker = buffer[at + 1] as number;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end or scan before any frame header
    const length = buffer.readUInt16BE(at + 2);
    if (length < 2 || at + 2 + length > buffer.length) return null;
    if (frameMarkers.has(marker)) {
      if (length < 8) return null;
      const height = buffer.readUInt16BE(at + 5);
      const width = buffer.readUInt16BE(at + 7);
      const components = buffer[at + 9] as number;
      if (![1, 3, 4].includes(components) || buffer[at + 4] !== 8) return null;
      return { width, height, components };
    }
    at += 2 + length;
  }
  return null;
}
