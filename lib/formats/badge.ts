// A shields.io-style flat status badge: a grey label ("status", or a component's name) and the state
// in words on the state's colour. White text on every colour has a contrast of at least 4.5:1.
import { STATE_LABEL } from "@/lib/text/labels";
import type { ComponentState } from "@/lib/timeline/types";
import { escapeHtml, xmlSafe } from "./common";

export const BADGE_COLORS: Record<ComponentState | "unknown", string> = {
  green: "#15803d",
  blue: "#1d4ed8",
  yellow: "#b45309",
  red: "#b91c1c",
  unknown: "#71717a",
};
export const BADGE_LABEL_COLOR = "#555555";

/** Approximate advance widths of Verdana at 11px, as shields.io measures its text. */
function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    if (/[ilj.,:;'|!]/.test(char)) width += 3.5;
    else if (/[frt() -]/.test(char)) width += 4.6;
    else if (/[mwMW]/.test(char)) width += 10;
    else if (/[A-Z0-9]/.test(char)) width += 7.6;
    else width += 6.8;
  }
  return Math.ceil(width);
}

/** The badge for a state; `null` when the state could not be read. */
export function stateBadge(label: string, state: ComponentState | null): string {
  const message = state ? STATE_LABEL[state].toLowerCase() : "unknown";
  return badgeSvg(label, message, BADGE_COLORS[state ?? "unknown"]);
}

export function badgeSvg(label: string, message: string, color: string): string {
  const labelWidth = textWidth(label) + 10;
  const messageWidth = textWidth(message) + 10;
  const width = labelWidth + messageWidth;
  const text = (value: string, center: number) =>
    `<text x="${center}" y="15" fill="#010101" fill-opacity=".3">${escapeHtml(value)}</text><text x="${center}" y="14">${escapeHtml(value)}</text>`;
  const title = escapeHtml(xmlSafe(`${label}: ${message}`));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`,
    `<clipPath id="r"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>`,
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="${BADGE_LABEL_COLOR}"/><rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${color}"/><rect width="${width}" height="20" fill="url(#s)"/></g>`,
    `<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">`,
    text(xmlSafe(label), labelWidth / 2),
    text(xmlSafe(message), labelWidth + messageWidth / 2),
    `</g></svg>`,
  ].join("");
}
