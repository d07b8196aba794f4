// RSS 2.0, Atom 1.0 (written by the `feed` library) and JSON Feed 1.1: one item per incident —
// its title, a link to its page, the newest post's type and text as the summary, the whole timeline
// as sanitized HTML content, and the affected components as categories — and one per published
// postmortem, just before its incident's item. Absolute URLs only.
import { Feed } from "feed";
import type { PublicComponent, PublicIncident } from "@/lib/timeline/types";
import { i18nFor, type Locale } from "@/lib/i18n";
import { incidentDurations, incidentState, maintenanceStatus } from "@/lib/timeline";
import { COMPONENT_STATES } from "@/lib/timeline/types";
import {
  affectedComponents,
  componentUrl,
  escapeHtml,
  incidentUpdatedAt,
  incidentUrl,
  latest,
  postmortemUrl,
  pageName,
  STATUS_PAGE_NAME,
  visiblePosts,
  xmlSafe,
  type FormatContext,
} from "./common";
import { postHtml, postText } from "@/lib/text/markdown";
import { componentFeedAlternates, feedAlternates } from "./feed-links";
import type { JsonFeed } from "./schemas";

export interface FeedChannel {
  title: string;
  description: string;
  /** The HTML page the feed follows. */
  pageUrl: string;
  rssUrl: string;
  atomUrl: string;
  jsonUrl?: string;
}

/** The feed's language: texts, times and durations as on a page in that language (in UTC). */
const wording = (locale: Locale | undefined) => i18nFor({}, locale);

export function historyChannel(baseUrl: string, locale?: Locale, site = STATUS_PAGE_NAME): FeedChannel {
  const links = feedAlternates(baseUrl);
  const { t } = wording(locale);
  return {
    title: t("feed.historyTitle", { site }),
    description: t("feed.historyDescription"),
    pageUrl: `${baseUrl}/history`,
    rssUrl: links.rss.href,
    atomUrl: links.atom.href,
    jsonUrl: links.json.href,
  };
}

export function componentChannel(baseUrl: string, component: PublicComponent, locale?: Locale, site = STATUS_PAGE_NAME): FeedChannel {
  const links = componentFeedAlternates(baseUrl, component);
  return {
    title: `${site}: ${component.name}`,
    description: wording(locale).t("feed.componentDescription", { name: component.name }),
    pageUrl: componentUrl(baseUrl, component.slug),
    rssUrl: links.rss.href,
    atomUrl: links.atom.href,
  };
}

interface Entry {
  title: string;
  url: string;
  published: Date;
  updated: Date;
  summary: string;
  contentHtml: string;
  categories: string[];
}

function statusLine(ctx: FormatContext, incident: PublicIncident): string {
  const state = incidentState(incident, ctx.now);
  const { t } = wording(ctx.locale);
  if (incident.kind === "maintenance") return t(`maintenance.${maintenanceStatus(incident, ctx.now)}`);
  return state.open ? t("feed.ongoing", { state: t(`state.${state.current}`) }) : t("feed.resolved");
}

/** "Production: Outage 5h · Degraded 8h" per affected component, from the timeline core. */
function durationLines(ctx: FormatContext, incident: PublicIncident): string[] {
  const { t, duration } = wording(ctx.locale);
  const names = new Map(ctx.components.filter((component) => !component.hidden).map((component) => [component.id, component.name]));
  return incidentDurations(incident, ctx.components, ctx.now).flatMap(({ componentId, durations }) => {
    const name = names.get(componentId);
    const parts = [...COMPONENT_STATES]
      .reverse()
      .filter((state) => state !== "green" && durations[state] > 0)
      .map((state) => `${t(`state.${state}`)} ${duration(durations[state])}`);
    return name && parts.length > 0 ? [`${name}: ${parts.join(" · ")}`] : [];
  });
}

function entryFor(ctx: FormatContext, incident: PublicIncident): Entry | null {
  const posts = visiblePosts(incident, ctx.now);
  const newest = posts[posts.length - 1];
  if (!newest) return null;
  const { t, time } = wording(ctx.locale);
  const header = [statusLine(ctx, incident), ...durationLines(ctx, incident)].map((line) => `<p><strong>${escapeHtml(line)}</strong></p>`);
  const timeline = [...posts]
    .reverse()
    .map(
      (post) =>
        `<p><strong>${t(`postType.${post.type}`)}</strong> · <time datetime="${post.postedAt.toISOString()}">${time(post.postedAt)}</time></p>\n${postHtml(post.body)}`,
    );
  return {
    title: incident.title,
    url: incidentUrl(ctx.baseUrl, incident.number),
    published: incident.openedAt,
    updated: incidentUpdatedAt(incident, ctx.now),
    summary: `${t(`postType.${newest.type}`)}: ${postText(newest.body)}`,
    contentHtml: [...header, ...timeline].join("\n"),
    categories: affectedComponents(incident, ctx.components).map((component) => component.name),
  };
}

/** A published postmortem as its own entry, at its own address, dated when it was published. */
function postmortemEntry(ctx: FormatContext, incident: PublicIncident): Entry | null {
  const { postmortem } = incident;
  if (!postmortem) return null;
  return {
    title: wording(ctx.locale).t("postmortem.title", { title: incident.title }),
    url: postmortemUrl(ctx.baseUrl, incident.number),
    published: postmortem.publishedAt,
    updated: postmortem.publishedAt,
    summary: postText(postmortem.body),
    contentHtml: postHtml(postmortem.body),
    categories: affectedComponents(incident, ctx.components).map((component) => component.name),
  };
}

function entries(ctx: FormatContext, incidents: readonly PublicIncident[]): Entry[] {
  return incidents.flatMap((incident) => [postmortemEntry(ctx, incident), entryFor(ctx, incident)].filter((entry) => entry !== null));
}

/** A serialized feed and when it last changed (for Last-Modified). */
export interface SerializedFeed {
  text: string;
  updated: Date;
}

function feedUpdated(ctx: FormatContext, list: readonly Entry[]): Date {
  return list.length > 0 ? latest(list.map((entry) => entry.updated)) : ctx.now;
}

/** The `feed` library's model; text is HTML-escaped because Atom titles are typed html and RSS readers decode entities. */
function xmlFeed(ctx: FormatContext, channel: FeedChannel, list: readonly Entry[]): Feed {
  const feed = new Feed({
    id: channel.atomUrl,
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    link: channel.pageUrl,
    language: ctx.locale ?? "en",
    updated: feedUpdated(ctx, list),
    generator: "Beacon",
    feedLinks: { rss: channel.rssUrl, atom: channel.atomUrl },
    author: { name: pageName(ctx), link: ctx.baseUrl },
  });
  for (const entry of list) {
    feed.addItem({
      title: xmlSafe(escapeHtml(entry.title)),
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      description: xmlSafe(escapeHtml(entry.summary)),
      content: xmlSafe(entry.contentHtml),
      // The library writes Atom category attributes without escaping "<", so names lose "<" and ">".
      category: entry.categories.map((name) => xmlSafe(name.replace(/[<>]/g, ""))).map((name) => ({ name, term: name })),
    });
  }
  return feed;
}

export function rssFeed(ctx: FormatContext, channel: FeedChannel, incidents: readonly PublicIncident[]): SerializedFeed {
  const list = entries(ctx, incidents);
  return { text: xmlFeed(ctx, channel, list).rss2(), updated: feedUpdated(ctx, list) };
}

export function atomFeed(ctx: FormatContext, channel: FeedChannel, incidents: readonly PublicIncident[]): SerializedFeed {
  const list = entries(ctx, incidents);
  return { text: xmlFeed(ctx, channel, list).atom1(), updated: feedUpdated(ctx, list) };
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); the `feed` library writes only version 1. */
export function jsonFeed(ctx: FormatContext, channel: FeedChannel, incidents: readonly PublicIncident[]): SerializedFeed {
  const list = entries(ctx, incidents);
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: channel.title,
    home_page_url: channel.pageUrl,
    feed_url: channel.jsonUrl,
    description: channel.description,
    language: ctx.locale ?? "en",
    authors: [{ name: pageName(ctx), url: ctx.baseUrl }],
    items: list.map((entry) => ({
      id: entry.url,
      url: entry.url,
      title: entry.title,
      summary: entry.summary,
      content_html: entry.contentHtml,
      date_published: entry.published.toISOString(),
      date_modified: entry.updated.toISOString(),
      tags: entry.categories,
    })),
  };
  return { text: JSON.stringify(feed), updated: feedUpdated(ctx, list) };
}
