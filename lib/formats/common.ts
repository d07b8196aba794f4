// Small pieces every machine-readable format shares. Pure: `now` and the base URL are passed in.
import type { PublicComponent, PublicIncident, PublicPost } from "@/lib/timeline/types";
import { sortPosts } from "@/lib/timeline";
import type { Locale } from "@/lib/i18n";

/** What every serializer is given besides its incidents. */
export interface FormatContext {
  /** BEACON_PUBLIC_URL without a trailing slash. */
  baseUrl: string;
  now: Date;
  /** All components, hidden ones too (their states roll up into their systems). */
  components: readonly PublicComponent[];
  /** The language of fixed texts (feeds' titles, "Resolved", …); machine values never change. Default: English. */
  locale?: Locale;
  /** The page's name (its brand); default: STATUS_PAGE_NAME. */
  pageName?: string;
}

export const STATUS_PAGE_NAME = "Beacon status";

export const pageName = (ctx: Pick<FormatContext, "pageName">): string => ctx.pageName ?? STATUS_PAGE_NAME;

export function incidentUrl(baseUrl: string, number: number): string {
  return `${baseUrl}/incidents/${number}`;
}

export function postmortemUrl(baseUrl: string, number: number): string {
  return `${incidentUrl(baseUrl, number)}/postmortem`;
}

export function componentUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/components/${slug}`;
}

/** Posts that have happened by `now`, in timeline order (rules 1 and 5 of the timeline core). */
export function visiblePosts(incident: PublicIncident, now: Date): PublicPost[] {
  // sortPosts returns the same objects, reordered.
  return (sortPosts(incident.posts) as PublicPost[]).filter((post) => post.postedAt.getTime() <= now.getTime());
}

/** When a post last changed as readers see it: its displayed time, or its edit time once revised. */
export function postUpdatedAt(post: PublicPost): Date {
  return post.edited && post.updatedAt > post.postedAt ? post.updatedAt : post.postedAt;
}

/** When an incident last changed as readers see it: its newest visible post (or its opening). */
export function incidentUpdatedAt(incident: PublicIncident, now: Date): Date {
  return latest([incident.openedAt, ...visiblePosts(incident, now).map(postUpdatedAt)]);
}

export function latest(dates: readonly Date[]): Date {
  return new Date(Math.max(...dates.map((date) => date.getTime())));
}

export function visibleComponents(components: readonly PublicComponent[]): PublicComponent[] {
  return components.filter((component) => !component.hidden);
}

/** Components an incident names or changes, in display order (systems first), hidden ones left out. */
export function affectedComponents(incident: PublicIncident, components: readonly PublicComponent[]): PublicComponent[] {
  const ids = new Set([...incident.componentIds, ...incident.posts.flatMap((post) => post.stateChanges.map((change) => change.componentId))]);
  return displayOrder(visibleComponents(components).filter((component) => ids.has(component.id)));
}

/** Systems by position, then sub-components by position. */
export function displayOrder(components: readonly PublicComponent[]): PublicComponent[] {
  return [...components].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.position - b.position || a.id - b.id);
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/** Drops what XML 1.0 cannot carry (control characters, lone surrogates), which a body might contain. */
export function xmlSafe(text: string): string {
  return text.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
}
