import { describe, expect, it } from "vitest";
import { checkImage, MAX_IMAGE_BYTES, rasterSize } from "@/lib/branding/images";
import { sanitizeSvg } from "@/lib/branding/svg-sanitize";
import { InputError } from "@/lib/errors/input-error";
import { png } from "../../support/images";

const SVG = (inner: string, root = 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"') => `<svg ${root}>${inner}</svg>`;

function clean(source: string): string {
  const result = sanitizeSvg(source);
  if (typeof result === "string") throw new Error(result);
  return result.markup;
}

describe("sanitizeSvg: hostile SVGs lose everything active", () => {
  const HOSTILE: [string, string, RegExp][] = [
    ["<script>", SVG('<script>alert(1)</script><script><![CDATA[alert(2)]]></script><rect width="10" height="10"/>'), /script|alert/i],
    [
      "onload= and other handlers",
      SVG('<rect width="10" height="10" onclick="alert(1)"/>', 'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" onload="alert(1)"'),
      /onload|onclick|alert/i,
    ],
    [
      'xlink:href="javascript:…"',
      SVG('<a xlink:href="javascript:alert(1)"><text x="1" y="9">go</text></a><use xlink:href="javascript:alert(2)"/>'),
      /javascript|href|<a\b|<use/i,
    ],
    [
      "<foreignObject>",
      SVG('<foreignObject width="9" height="9"><div xmlns="http://www.w3.org/1999/xhtml"><img src="x" onerror="alert(1)"/>html</div></foreignObject>'),
      /foreignObject|onerror|<img|<div|html/i,
    ],
    [
      'external <image href="http://…">',
      SVG('<image href="http://tracker.example/p.png" width="9" height="9"/><image xlink:href="https://tracker.example/q.png"/>'),
      /image|tracker/i,
    ],
    [
      "external references in paint and CSS",
      SVG(
        '<path d="M0 0h9" fill="url(http://tracker.example/x#a)" style="fill:url(https://tracker.example/y)"/><style>@import url(http://tracker.example/s.css);</style>',
      ),
      /tracker|style|@import/i,
    ],
    [
      "SMIL setting an href",
      SVG('<a><animate attributeName="href" to="javascript:alert(1)"/></a><set attributeName="onmouseover" to="alert(1)"/>'),
      /animate|<set|javascript|alert/i,
    ],
  ];
  it.each(HOSTILE)("%s", (_name, source, forbidden) => {
    const markup = clean(source);
    expect(markup).not.toMatch(forbidden);
    expect(markup).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>[\s\S]*<\/svg>$/);
  });

  it("refuses entity declarations (billion laughs) outright", () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>${SVG("<text>&c;</text>")}`;
    expect(sanitizeSvg(bomb)).toMatch(/DOCTYPE or entity/);
    expect(sanitizeSvg(`<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">${SVG("")}`)).toMatch(/DOCTYPE/);
  });

  it("keeps a plain logo: shapes, gradients by #id, text, and its size", () => {
    const logo = SVG(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#123456"/></linearGradient></defs><g transform="translate(1 1)"><path d="M0 0L10 10" fill="url(#g)" stroke="#000"/><text x="2" y="30" font-size="12">Acme &amp; Co</text></g>',
    );
    const result = sanitizeSvg(logo);
    expect(result).toMatchObject({ width: 120, height: 40 });
    const markup = clean(logo);
    expect(markup).toContain('fill="url(#g)"');
    expect(markup).toContain("<linearGradient");
    expect(markup).toContain("Acme &amp; Co");
  });

  it("forces the SVG namespace and needs a size", () => {
    expect(clean('<svg xmlns="http://evil.example/" width="20" height="20"><rect width="1" height="1"/></svg>')).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
    );
    expect(sanitizeSvg("<svg><rect/></svg>")).toMatch(/size is unknown/);
    expect(sanitizeSvg("<div><p>not a drawing</p></div>")).toMatch(/root must be an <svg>/);
  });
});

/** A JPEG's start: SOI, an APP0 segment, then SOF0 with height and width. */
function jpeg(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}

/** A lossless WebP header (VP8L): 14-bit width − 1 and height − 1 after the 0x2f signature. */
function webp(width: number, height: number): Buffer {
  const bits = (width - 1) | ((height - 1) << 14);
  const body = Buffer.alloc(10);
  body[0] = 0x2f;
  body.writeUInt32LE(bits >>> 0, 1);
  const chunk = Buffer.concat([Buffer.from("VP8L", "latin1"), Buffer.from([body.length, 0, 0, 0]), body]);
  return Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.from([chunk.length + 4, 0, 0, 0]), Buffer.from("WEBP", "latin1"), chunk]);
}

describe("checkImage: raster images by their bytes", () => {
  it.each([
    ["PNG", png(64, 32), "image/png"],
    ["JPEG", jpeg(300, 100), "image/jpeg"],
    ["WebP", webp(200, 50), "image/webp"],
  ])("reads a %s's type and size from its header", (_name, bytes, type) => {
    const size = rasterSize(bytes);
    expect(size?.type).toBe(type);
    const checked = checkImage(bytes, "logo");
    expect(checked.image).toMatchObject({ type, width: size!.width, height: size!.height });
    expect(checked.bytes).toEqual(bytes);
    expect(checked.image.hash).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it("refuses what is not an image, whatever its name claims", () => {
    const html = Buffer.from("<html><script>alert(1)</script></html>");
    expect(() => checkImage(html, "logo")).toThrow(/PNG, JPEG, WebP or SVG/);
    expect(() => checkImage(Buffer.from("GIF89a......"), "logo")).toThrow(InputError);
  });

  it("refuses an empty file, one over the size limit and absurd dimensions, on the form's field", () => {
    expect(() => checkImage(Buffer.alloc(0), "favicon")).toThrow(/Choose an image/);
    const big = Buffer.concat([png(64, 64), Buffer.alloc(MAX_IMAGE_BYTES)]);
    expect(() => checkImage(big, "logo")).toThrow(/at most 256 KB/);
    expect(() => checkImage(png(8, 8), "logo")).toThrow(/8×8 pixels/);
    expect(() => checkImage(png(100_000, 20), "logo")).toThrow(/100000×20/);
    try {
      checkImage(png(4096, 16), "favicon");
    } catch (error) {
      expect((error as InputError).field).toBe("favicon");
    }
  });

  it("stores an SVG as its sanitized markup", () => {
    const checked = checkImage(Buffer.from(SVG('<circle cx="5" cy="5" r="4" onclick="alert(1)"/><script>alert(2)</script>')), "logo");
    expect(checked.image.type).toBe("image/svg+xml");
    expect(checked.bytes.toString()).not.toMatch(/alert/);
    expect(() => checkImage(Buffer.from(`<!DOCTYPE svg [<!ENTITY x "y">]>${SVG("")}`), "logo")).toThrow(/entity/);
  });
});
