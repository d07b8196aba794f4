// An uploaded SVG is untrusted markup: it could carry scripts, event handlers, javascript: links,
// HTML in <foreignObject>, external references (tracking, or content swapped later) and entity
// bombs. It is rebuilt with sanitize-html (already our Markdown sanitizer; DOMPurify would need
// jsdom) from an allowlist of drawing elements and presentation attributes; whatever is not on it
// is dropped. Served besides with a CSP that forbids scripts (the /brand/* endpoints).
import sanitizeHtml from "sanitize-html";

const SVG_NAMESPACE = "http://www.w3.org/2000/svg";

const DRAWING_TAGS = ["svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text", "tspan", "title", "desc", "defs"];
const PAINT_TAGS = ["linearGradient", "radialGradient", "stop", "clipPath"];

const PRESENTATION = [
  "id",
  "viewBox",
  "preserveAspectRatio",
  "width",
  "height",
  "x",
  "y",
  "x1",
  "y1",
  "x2",
  "y2",
  "cx",
  "cy",
  "r",
  "rx",
  "ry",
  "fx",
  "fy",
  "d",
  "points",
  "transform",
  "fill",
  "fill-opacity",
  "fill-rule",
  "clip-rule",
  "clip-path",
  "stroke",
  "stroke-width",
  "stroke-linecap",
  "stroke-linejoin",
  "stroke-miterlimit",
  "stroke-dasharray",
  "stroke-dashoffset",
  "stroke-opacity",
  "opacity",
  "offset",
  "stop-color",
  "stop-opacity",
  "gradientUnits",
  "gradientTransform",
  "clipPathUnits",
  "font-family",
  "font-size",
  "font-weight",
  "font-style",
  "text-anchor",
  "dominant-baseline",
  "letter-spacing",
  "dx",
  "dy",
];

// A reference may only point inside the document (`url(#id)`); anything else could fetch from elsewhere.
const EXTERNAL_REFERENCE = /url\s*\(\s*(?!['"]?#)|javascript:|data:|expression\s*\(|@import/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...DRAWING_TAGS, ...PAINT_TAGS],
  allowedAttributes: { "*": PRESENTATION, svg: [...PRESENTATION, "xmlns", "version"] },
  // The content of these is dropped along with them (by default only the tag is).
  nonTextTags: ["script", "style", "foreignObject", "foreignobject", "iframe", "noscript", "textarea", "a"],
  allowedSchemes: [],
  allowProtocolRelative: false,
  parser: { xmlMode: true, lowerCaseTags: false, lowerCaseAttributeNames: false, decodeEntities: true },
  transformTags: {
    "*": (tagName, attribs) => {
      const kept = Object.fromEntries(Object.entries(attribs).filter(([, value]) => !EXTERNAL_REFERENCE.test(value)));
      // The root is always SVG: another namespace would make the file some other XML.
      return { tagName, attribs: tagName === "svg" ? { ...kept, xmlns: SVG_NAMESPACE } : kept };
    },
  },
};

function number(value: string | undefined): number | null {
  const parsed = value ? Number.parseFloat(value) : Number.NaN;
  return Number.isFinite(parsed) && parsed > 0 ? parsed : null;
}

/** The size of the drawing: its width and height, else its viewBox's (rounded up to whole pixels). */
function svgSize(markup: string): { width: number; height: number } | null {
  const root = /^<svg\b([^>]*)>/.exec(markup)?.[1] ?? "";
  const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(root)?.[1];
  const box = attribute("viewBox")
    ?.trim()
    .split(/[\s,]+/);
  const width = number(attribute("width")) ?? number(box?.[2]);
  const height = number(attribute("height")) ?? number(box?.[3]);
  return width && height ? { width: Math.ceil(width), height: Math.ceil(height) } : null;
}

/** The SVG rebuilt from the allowlist, or why it cannot be used. */
export function sanitizeSvg(source: string): { markup: string; width: number; height: number } | string {
  // A document type declaration is where entities (and entity-expansion bombs) are declared: refuse it outright.
  if (/<!DOCTYPE|<!ENTITY/i.test(source)) return "SVG files with a DOCTYPE or entity declarations are not accepted; export the SVG without them.";
  const cleaned = sanitizeHtml(source.replace(/^\uFEFF?\s*<\?xml[^>]*\?>/, "").trim(), OPTIONS).trim();
  if (!/^<svg\b[\s\S]*<\/svg>$/.test(cleaned)) return "This SVG has no drawing Beacon can use: its root must be an <svg> element.";
  const size = svgSize(cleaned);
  if (!size) return "This SVG has neither a width and height nor a viewBox, so its size is unknown.";
  return { markup: cleaned, ...size };
}
