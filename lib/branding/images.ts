// Uploaded logo and favicon: raster images are checked by their magic bytes and their own header's
// dimensions (never by the file name or the browser's claimed type); SVG is untrusted markup and is
// rebuilt from an allowlist (svg-sanitize.ts). Anything else is refused with a message the admin can act on.
import { createHash } from "node:crypto";
import type { BrandImage, BrandImageType } from "@/lib/branding/brand";
import { InputError } from "@/lib/errors/input-error";
import { sanitizeSvg } from "@/lib/branding/svg-sanitize";

export const MAX_IMAGE_BYTES = 256 * 1024;
const MIN_SIDE = 16;
const MAX_SIDE = 2048;

type Dimensions = { type: BrandImageType; width: number; height: number };

const startsWith = (bytes: Buffer, prefix: readonly number[], at = 0) => prefix.every((byte, index) => bytes[at + index] === byte);

/** PNG: the 8-byte signature, then the IHDR chunk with width and height (PNG spec §11.2.2). */
function pngSize(bytes: Buffer): Dimensions | null {
  if (!startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) || bytes.length < 24 || bytes.toString("latin1", 12, 16) !== "IHDR") return null;
  return { type: "image/png", width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** JPEG: walk the marker segments to the first start-of-frame (ITU T.81 §B.2.2). */
function jpegSize(bytes: Buffer): Dimensions | null {
  if (!startsWith(bytes, [0xff, 0xd8, 0xff])) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { type: "image/jpeg", height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    at += 2 + bytes.readUInt16BE(at + 2);
  }
  return null;
}

/** WebP: a RIFF container whose first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended). */
function webpSize(bytes: Buffer): Dimensions | null {
  if (bytes.length < 30 || bytes.toString("latin1", 0, 4) !== "RIFF" || bytes.toString("latin1", 8, 12) !== "WEBP") return null;
  const chunk = bytes.toString("latin1", 12, 16);
  if (chunk === "VP8 " && startsWith(bytes, [0x9d, 0x01, 0x2a], 23)) {
    return { type: "image/webp", width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === "VP8L" && bytes[20] === 0x2f) {
    const bits = bytes.readUInt32LE(21);
    return { type: "image/webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { type: "image/webp", width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  return null;
}

/** The type and size of a raster image, or null when its bytes are not PNG, JPEG or WebP. */
export function rasterSize(bytes: Buffer): Dimensions | null {
  return pngSize(bytes) ?? jpegSize(bytes) ?? webpSize(bytes);
}

function looksLikeSvg(bytes: Buffer): boolean {
  return /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(svg|!DOCTYPE)[\s>]/i.test(bytes.toString("utf8", 0, 4096).replace(/^\uFEFF/, ""));
}

const imageHash = (bytes: Buffer) => createHash("sha256").update(bytes).digest("base64url").slice(0, 32);

export interface CheckedImage {
  image: BrandImage;
  /** The bytes to store and serve: the upload as it was for raster images, the sanitized markup for SVG. */
  bytes: Buffer;
}

/** Checks an upload; a refusal is an InputError on `field` saying why. */
export function checkImage(bytes: Buffer, field: string): CheckedImage {
  const refuse = (message: string) => new InputError(field, message);
  if (bytes.length === 0) throw refuse("Choose an image file.");
  if (bytes.length > MAX_IMAGE_BYTES) throw refuse(`The image is ${Math.ceil(bytes.length / 1024)} KB; at most ${MAX_IMAGE_BYTES / 1024} KB.`);
  let checked: { bytes: Buffer; size: Dimensions };
  const raster = rasterSize(bytes);
  if (raster) checked = { bytes, size: raster };
  else if (looksLikeSvg(bytes)) {
    const svg = sanitizeSvg(bytes.toString("utf8"));
    if (typeof svg === "string") throw refuse(svg);
    checked = { bytes: Buffer.from(svg.markup, "utf8"), size: { type: "image/svg+xml", width: svg.width, height: svg.height } };
  } else throw refuse("Upload a PNG, JPEG, WebP or SVG image.");
  const { width, height } = checked.size;
  if (width < MIN_SIDE || height < MIN_SIDE || width > MAX_SIDE || height > MAX_SIDE) {
    throw refuse(`The image is ${width}×${height} pixels; each side must be between ${MIN_SIDE} and ${MAX_SIDE}.`);
  }
  return { bytes: checked.bytes, image: { type: checked.size.type, hash: imageHash(checked.bytes), width, height } };
}
