// WCAG 2.2 contrast (§1.4.3, "Contrast (Minimum)", level AA): the relative luminance of sRGB
// colours and the ratio (L1 + 0.05) / (L2 + 0.05), which text must reach at 4.5:1.
// https://www.w3.org/TR/WCAG22/#dfn-relative-luminance

export const AA_TEXT_RATIO = 4.5;

/** The public page's light background (Tailwind zinc-50, components/base.css) and the text on an accent button. */
export const PAGE_BACKGROUND = "#fafafa";
export const WHITE = "#ffffff";

function channel(value: number): number {
  const srgb = value / 255;
  return srgb <= 0.04045 ? srgb / 12.92 : ((srgb + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a `#rrggbb` colour: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => channel(Number.parseInt(part, 16))) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, from 1 (same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Rounded down, so a ratio shown as 4.5 always passes and 4.49 never shows as 4.5. */
export const ratioText = (ratio: number): string => `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;

/**
 * Why an accent colour cannot be used, or null: it colours links on the page's background and is
 * the background of the white "support" button, so both must reach AA.
 */
export function accentContrastProblem(accent: string): string | null {
  const onPage = contrastRatio(accent, PAGE_BACKGROUND);
  if (onPage < AA_TEXT_RATIO) {
    return `Contrast of ${accent} on the page's background (${PAGE_BACKGROUND}) is ${ratioText(onPage)}; WCAG AA needs at least 4.5:1. Choose a darker colour.`;
  }
  const whiteOn = contrastRatio(WHITE, accent);
  if (whiteOn < AA_TEXT_RATIO) {
    return `Contrast of white text on ${accent} is ${ratioText(whiteOn)}; WCAG AA needs at least 4.5:1. Choose a darker colour.`;
  }
  return null;
}
