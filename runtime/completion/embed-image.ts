// Signature and stamp images as PDF image XObjects. What the signer's page stores (see
// runtime/signing/signature-image.ts) is an 8-bit RGB PNG flattened on white, or a JPEG as it was
// uploaded. The PNG's compressed pixel data goes into the PDF as it is, with the PNG predictors
// declared in /DecodeParms, so the reader unfilters it; the JPEG goes in as DCTDecode; composing
// decodes neither. Anything else (an older row's RGBA, a grey or palette PNG) is decoded by pngjs
// and its colour and alpha planes compressed by node's zlib.
// pdf-lib's embedPng, decoding in JavaScript and deflating again with pako at save, was 10 ms of a
// 30 ms composition for three 300×100 images (npm run bench:signing).
import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix,
  drawObject,
  type PDFArray,
  type PDFDict,
  type PDFDocument,
  type PDFPage,
  PDFRawStream,
  type PDFRef,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { PNG } from 'pngjs';
import { readJpegHeader } from '../signing/jpeg-header.ts';

export interface EmbeddedImage {
  ref: PDFRef;
  width: number;
  height: number;
}

export interface ImageRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
  interlace: number;
}

const pngMagic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The header and the concatenated IDAT data, or null when the chunks do not add up. */
function readChunks(png: Buffer): { header: PngHeader; data: Buffer } | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(pngMagic)) return null;
  let header: PngHeader | undefined;
  const idat: Buffer[] = [];
  for (let at = 8; at + 12 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = at + 8;
    if (body + length + 4 > png.length) return null;
    if (type === 'IHDR' && length === 13) {
      header = {
        width: png.readUInt32BE(body),
        height: png.readUInt32BE(body + 4),
        bitDepth: png[body + 8] as number,
        colourType: png[body + 9] as number,
        interlace: png[body + 12] as number,
      };
    } else if (type === 'IDAT') idat.push(png.subarray(body, body + length));
    else if (type === 'IEND') break;
    at = body + length + 4;
  }
  return header && idat.length > 0 ? { header, data: Buffer.concat(idat) } : null;
}

type Entries = Record<string, string | number | PDFRef | PDFDict | PDFArray>;

function register(pdf: PDFDocument, entries: Entries, contents: Uint8Array): PDFRef {
  const dict = pdf.context.obj({ Type: 'XObject', Subtype: 'Image', ...entries, Length: contents.length });
  return pdf.context.register(PDFRawStream.of(dict, contents));
}

// Level 3 deflates a drawn signature (one colour on white) about as small as level 6, in half the time.
const deflateLevel = 3;

function decodedPlanes(pdf: PDFDocument, bytes: Buffer): EmbeddedImage {
  const png = PNG.sync.read(bytes);
  const pixelCount = png.width * png.height;
  const colour = Buffer.allocUnsafe(pixelCount * 3);
  const alpha = Buffer.allocUnsafe(pixelCount);
  let opaque = true;
  for (let pixel = 0, rgba = 0; pixel < pixelCount; pixel++, rgba += 4) {
    colour[pixel * 3] = png.data[rgba] as number;
    colour[pixel * 3 + 1] = png.data[rgba + 1] as number;
    colour[pixel * 3 + 2] = png.data[rgba + 2] as number;
    const a = png.data[rgba + 3] as number;
    alpha[pixel] = a;
    if (a !== 255) opaque = false;
  }
  const common = { Width: png.width, Height: png.height, BitsPerComponent: 8, Filter: 'FlateDecode' };
  const mask = opaque
    ? undefined
    : register(pdf, { ...common, ColorSpace: 'DeviceGray' }, deflateSync(alpha, { level: deflateLevel }));
  const entries = { ...common, ColorSpace: 'DeviceRGB', ...(mask ? { SMask: mask } : {}) };
  return {
    ref: register(pdf, entries, deflateSync(colour, { level: deflateLevel })),
    width: png.width,
    height: png.height,
  };
}

// An Adobe CMYK JPEG stores its inks inverted; /Decode turns them back (as readers expect).
const jpegColour: Record<number, { space: string; decode?: number[] }> = {
  1: { space: 'DeviceGray' },
  3: { space: 'DeviceRGB' },
  4: { space: 'DeviceCMYK', decode: [1, 0, 1, 0, 1, 0, 1, 0] },
};

function embedJpeg(pdf: PDFDocument, bytes: Uint8Array): EmbeddedImage | null {
  const header = readJpegHeader(bytes);
  const colour = header ? jpegColour[header.components] : undefined;
  if (!header || !colour) return null;
  const entries: Entries = {
    Width: header.width,
    Height: header.height,
    BitsPerComponent: 8,
    ColorSpace: colour.space,
    Filter: 'DCTDecode',
    ...(colour.decode ? { Decode: pdf.context.obj(colour.decode) } : {}),
  };
  return { ref: register(pdf, entries, bytes), width: header.width, height: header.height };
}

/** Throws when the bytes are neither a JPEG nor a PNG pngjs can decode. */
export function embedImage(pdf: PDFDocument, bytes: Uint8Array): EmbeddedImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer[0] === 0xff && buffer[1] === 0xd8) {
    const jpeg = embedJpeg(pdf, bytes);
    if (!jpeg) throw new Error('the JPEG has no usable frame header');
    return jpeg;
  }
  const chunks = readChunks(buffer);
  const header = chunks?.header;
  if (chunks && header && header.bitDepth === 8 && header.colourType === 2 && header.interlace === 0) {
    const parameters = pdf.context.obj({ Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: header.width });
    const entries = {
      Width: header.width,
      Height: header.height,
      BitsPerComponent: 8,
      ColorSpace: 'DeviceRGB',
      Filter: 'FlateDecode',
      DecodeParms: parameters,
    };
    return { ref: register(pdf, entries, chunks.data), width: header.width, height: header.height };
  }
  return decodedPlanes(pdf, buffer);
}

export function drawImage(page: PDFPage, image: EmbeddedImage, rect: ImageRect): void {
  const name = page.node.newXObject('Image', image.ref);
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(rect.width, 0, 0, rect.height, rect.x, rect.y),
    drawObject(name),
    popGraphicsState(),
  );
}
