// Free text people type: every name, title, reason and body goes through one of these two, so no
// control character (NUL, BEL, ESC …) or text-direction override (U+202E turns "gpj.exe" around)
// reaches a page's <title>, a feed, an iCal SUMMARY, a webhook or the audit log. They are removed,
// not refused: a title pasted from a terminal or sent by an alerting tool still lands, readable.
import * as z from "zod";

/** Line and paragraph separators, bidi embeddings/overrides (U+202A–202E) and isolates (U+2066–2069). */
const INVISIBLE_FORMATTING = /[\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;
/** C0 controls, DEL and C1 controls (Unicode category Cc), except the tab and newline multi-line text keeps. */
const CONTROLS = /(?![\t\n])\p{Cc}/gu;

/** One line: tabs and line breaks become spaces, every other control or override is removed. */
export function cleanSingleLine(text: string): string {
  return text
    .replace(/[\t\r\n]/g, " ")
    .replace(CONTROLS, "")
    .replace(INVISIBLE_FORMATTING, "");
}

/** Several lines (Markdown bodies): CRLF and CR become LF; tabs stay (Markdown code); the rest as for one line. */
export function cleanMultiLine(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(CONTROLS, "").replace(INVISIBLE_FORMATTING, "");
}

/** A single-line text field, cleaned and trimmed; chain `.min()`/`.max()` with the field's own messages. */
export const singleLineText = () => z.string().overwrite(cleanSingleLine).trim();

/** A multi-line text field (newlines kept), cleaned and trimmed; chain `.min()`/`.max()` as needed. */
export const multiLineText = () => z.string().overwrite(cleanMultiLine).trim();
