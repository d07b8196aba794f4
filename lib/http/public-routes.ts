// The route handlers behind feeds, badges, iCal and the Statuspage/Heroku APIs, each one line in
// its `app/…/route.ts`: validated input → cached data → a pure serializer from lib/formats.
import * as z from "zod";
import { stateBadge } from "@/lib/formats/badge";
import { atomFeed, componentChannel, historyChannel, jsonFeed, rssFeed, type FeedChannel, type SerializedFeed } from "@/lib/formats/feeds";
import type { FormatContext } from "@/lib/formats/common";
import { v3CurrentStatus, v3Issue, v3Issues, v4CurrentStatus, v4Incident } from "@/lib/formats/heroku";
import { maintenanceCalendar } from "@/lib/formats/ical";
import { statuspageSite, type StatuspagePage, type StatuspageSite } from "@/lib/formats/statuspage";
import type { FeedIncident } from "@/lib/db/feed-queries";
import { currentStates, overallState } from "@/lib/timeline";
import {
  activeIncidents,
  componentIncidents,
  FEED_ITEMS,
  formatContext,
  incidentByNumber,
  NEWEST_LIMIT,
  newestIncidents,
  visibleComponent,
} from "./public-data";
import { CONTENT_TYPES, json, publicRoute, type PublicContent } from "./public-response";

type FeedFormat = "rss" | "atom" | "json";

const FEED_SERIALIZERS: Record<FeedFormat, [(ctx: FormatContext, channel: FeedChannel, incidents: readonly FeedIncident[]) => SerializedFeed, string]> = {
  rss: [rssFeed, CONTENT_TYPES.rss],
  atom: [atomFeed, CONTENT_TYPES.atom],
  json: [jsonFeed, CONTENT_TYPES.jsonFeed],
};

function feedContent(format: FeedFormat, ctx: FormatContext, channel: FeedChannel, incidents: readonly FeedIncident[]): PublicContent {
  const [serialize, contentType] = FEED_SERIALIZERS[format];
  const feed = serialize(ctx, channel, incidents.slice(0, FEED_ITEMS));
  return { body: feed.text, contentType, lastModified: feed.updated };
}

const slugParams = z.object({ slug: z.string() });

/** `/history.rss`, `/history.atom`, `/history.json`. */
export function historyFeedRoute(format: FeedFormat) {
  return publicRoute({}, async ({ now, baseUrl }) => {
    const [ctx, incidents] = await Promise.all([formatContext(now, baseUrl), newestIncidents("any")]);
    return feedContent(format, ctx, historyChannel(baseUrl), incidents);
  });
}

/** `/components/[slug]/history.rss` and `.atom`. */
export function componentFeedRoute(format: Exclude<FeedFormat, "json">) {
  return publicRoute({ params: slugParams }, async ({ now, baseUrl, params }) => {
    const ctx = await formatContext(now, baseUrl);
    const component = visibleComponent(ctx, params.slug);
    return feedContent(format, ctx, componentChannel(baseUrl, component), await componentIncidents(ctx, component));
  });
}

const unknownBadge = (): PublicContent => ({ body: stateBadge("status", null), contentType: CONTENT_TYPES.svg });

/** `/badge.svg`: the page's overall state. */
export const overallBadgeRoute = publicRoute({ unavailable: unknownBadge }, async ({ now, baseUrl }) => {
  const [ctx, active] = await Promise.all([formatContext(now, baseUrl), activeIncidents(now)]);
  const state = overallState(ctx.components, currentStates(active, ctx.components, now));
  return { body: stateBadge("status", state), contentType: CONTENT_TYPES.svg };
});

/** `/components/[slug]/badge.svg`. */
export const componentBadgeRoute = publicRoute({ params: slugParams, unavailable: unknownBadge }, async ({ now, baseUrl, params }) => {
  const [ctx, active] = await Promise.all([formatContext(now, baseUrl), activeIncidents(now)]);
  const component = visibleComponent(ctx, params.slug);
  const state = currentStates(active, ctx.components, now).get(component.id) ?? "green";
  return { body: stateBadge(component.name, state), contentType: CONTENT_TYPES.svg };
});

/** `/maintenance.ics`. */
export const maintenanceCalendarRoute = publicRoute({}, async ({ now, baseUrl }) => {
  const [ctx, active] = await Promise.all([formatContext(now, baseUrl), activeIncidents(now)]);
  const calendar = maintenanceCalendar(ctx, active);
  return { body: calendar.text, contentType: CONTENT_TYPES.calendar, lastModified: calendar.updated };
});

/** A Statuspage v2 endpoint; `render` may ask for the newest incidents or maintenance. */
export function statuspageRoute(
  render: (site: StatuspageSite, newest: typeof newestIncidents) => Promise<{ page: StatuspagePage }> | { page: StatuspagePage },
) {
  return publicRoute({}, async ({ now, baseUrl }) => {
    const [ctx, active] = await Promise.all([formatContext(now, baseUrl), activeIncidents(now)]);
    const value = await render(statuspageSite(ctx, active), newestIncidents);
    return json(value, new Date(value.page.updated_at));
  });
}

async function herokuContext(now: Date, baseUrl: string): Promise<[FormatContext, FeedIncident[]]> {
  return Promise.all([formatContext(now, baseUrl), activeIncidents(now)]);
}

export const v3CurrentStatusRoute = publicRoute({}, async ({ now, baseUrl }) => json(v3CurrentStatus(...(await herokuContext(now, baseUrl)))));

export const v4CurrentStatusRoute = publicRoute({}, async ({ now, baseUrl }) => json(v4CurrentStatus(...(await herokuContext(now, baseUrl)))));

const limit = z.coerce
  .number({ error: "must be a whole number" })
  .int("must be a whole number")
  .min(1, `must be between 1 and ${NEWEST_LIMIT}`)
  .max(NEWEST_LIMIT, `must be between 1 and ${NEWEST_LIMIT}`)
  .default(50);

// ISO 8601 date or date-time; an offset written with "+" arrives as a space when not URL-encoded,
// and a time without an offset is UTC.
const since = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[ +-]\d{2}:?\d{2})?)?$/, "must be a date such as 2012-06-30 or 2012-06-30T03:00:00Z")
  .transform((value) => new Date(value.replace(/ (\d{2}:?\d{2})$/, "+$1").replace(/T[\d:.]+$/, "$&Z")))
  .refine((date) => !Number.isNaN(date.getTime()), "must be a valid date");

/** `/api/v3/issues?since=&limit=`: issues opened since a time, newest first. */
export const v3IssuesRoute = publicRoute({ query: z.object({ since: since.optional(), limit }) }, async ({ now, baseUrl, query }) => {
  const [ctx, newest] = await Promise.all([formatContext(now, baseUrl), newestIncidents("any")]);
  return json(v3Issues(ctx, newest, query));
});

/** `/api/v3/issues/:id`. */
export const v3IssueRoute = publicRoute(
  {
    params: z.object({
      id: z
        .string()
        .regex(/^\d{1,9}$/, "must be an incident number")
        .transform(Number),
    }),
  },
  async ({ now, baseUrl, params }) => {
    const [ctx, incident] = await Promise.all([formatContext(now, baseUrl), incidentByNumber(params.id)]);
    return json(v3Issue(ctx, incident));
  },
);

/** `/api/v4/incidents?limit=`: the newest incidents and maintenance. */
export const v4IncidentsRoute = publicRoute({ query: z.object({ limit }) }, async ({ now, baseUrl, query }) => {
  const [ctx, newest] = await Promise.all([formatContext(now, baseUrl), newestIncidents("any")]);
  return json(newest.slice(0, query.limit).map((incident) => v4Incident(ctx, incident)));
});
