// What every public renderer returns, and what it is given besides its data.
import type { Brand } from "@/lib/branding/brand";
import type { I18n } from "@/lib/i18n";

export interface Rendered {
  status: number;
  /** Text, or bytes read back from a snapshot. */
  body: string | Buffer;
  contentType: string;
  /** When the content last changed, for Last-Modified and If-Modified-Since. */
  lastModified?: Date;
  /** Extra headers of this answer (e.g. Location of a redirect). */
  headers?: Record<string, string>;
}

export interface RenderContext {
  now: Date;
  /** BEACON_PUBLIC_URL without a trailing slash: every URL in a body is absolute. */
  baseUrl: string;
  /** Render as "the last known status from <time>": the variant the snapshot keeps for outages. */
  lastKnownAt?: Date;
  /** The reader's language and time zone (default: English, UTC). */
  i18n?: I18n;
  /** The page's brand (lib/branding), read with every answer's data; default: Beacon's own look. */
  brand?: Brand;
}

export const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  json: "application/json; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  jsonFeed: "application/feed+json; charset=utf-8",
  svg: "image/svg+xml; charset=utf-8",
  calendar: "text/calendar; charset=utf-8",
  javascript: "text/javascript; charset=utf-8",
} as const;

export function json(value: unknown, lastModified?: Date, status = 200): Rendered {
  return { status, body: JSON.stringify(value), contentType: CONTENT_TYPES.json, lastModified };
}

/** `{"error":{"code","message","fields"}}`, the error shape of every Beacon API. */
export function jsonError(status: number, code: string, message: string, fields?: Record<string, string>): Rendered {
  return json({ error: { code, message, ...(fields ? { fields } : {}) } }, undefined, status);
}
