// The one table of public URLs: every page, feed, badge, calendar and read API, each with its path
// pattern, the zod schemas of its path and query, the data it reads and its pure renderer. The router
// (lib/public/router.ts) reads this table and nothing else answers these URLs.
import * as z from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { stateBadge } from "@/lib/formats/badge";
import type { FormatContext } from "@/lib/formats/common";
import { feedAlternates } from "@/lib/formats/feed-links";
import type { Brand, BrandImageKind } from "@/lib/branding/brand";
import { embedScriptSource } from "@/lib/embed/script";
import { embedStatus } from "@/lib/embed/status";
import { WIDGET_CSP, widgetPage, widgetQuerySchema } from "@/lib/embed/widget";
import { atomFeed, componentChannel, type FeedChannel, historyChannel, jsonFeed, rssFeed, type SerializedFeed } from "@/lib/formats/feeds";
import { v3CurrentStatus, v3Issue, v3Issues, v4CurrentStatus, v4Incident } from "@/lib/formats/heroku";
import { maintenanceCalendar } from "@/lib/formats/ical";
import {
  componentsJson,
  incidentsJson,
  maintenancesJson,
  type StatuspagePage,
  type StatuspageSite,
  statusJson,
  statuspageSite,
  summaryJson,
} from "@/lib/formats/statuspage";
import { ACCESS_ENDPOINTS } from "@/lib/public/access-pages";
import { historyPageRange, historyQuerySchema } from "@/lib/public/history-range";
import { componentPage, historyPage, homePage, incidentPage, postmortemPage } from "@/lib/public/pages";
import { SUBSCRIPTION_ENDPOINTS } from "@/lib/public/subscription-pages";
import {
  FEED_ITEMS,
  type IncidentData,
  NEWEST_LIMIT,
  readActive,
  readComponentIncidents,
  readComponentPage,
  readComponents,
  readHistory,
  readHome,
  readIncident,
  readBrand,
  readBrandImage,
  readIncidentPage,
  readNewest,
  visibleComponent,
} from "@/lib/public/read";
import { CONTENT_TYPES, json, jsonError, type Rendered, type RenderContext } from "@/lib/public/rendered";
import { currentStates, overallState } from "@/lib/timeline";
import type { PublicComponent, PublicIncident } from "@/lib/timeline/types";

/** Pages are HTML for people; payloads are feeds, badges, calendars and APIs for machines. */
export type AnswerKind = "page" | "payload";

/**
 * How the snapshot (lib/snapshot) uses an answer while the database is unreachable: a page's
 * "last known status" variant, a payload as it was (with a header saying so), or never (a badge
 * cannot carry a notice); "skip": not part of the snapshot at all.
 */
export type SnapshotUse = "last-known" | "as-is" | "never" | "skip";

export interface EndpointInput<Params, Query> {
  params: Params;
  query: Query;
  now: Date;
}

export interface Endpoint<Params = Record<string, never>, Query = Record<string, never>, Data = unknown> {
  /** `/incidents/:number`: `:name` matches one path segment. */
  path: string;
  kind: AnswerKind;
  params?: z.ZodType<Params>;
  query?: z.ZodType<Query>;
  read: (input: EndpointInput<Params, Query>) => Promise<Data>;
  render: (data: Data, ctx: RenderContext & EndpointInput<Params, Query>) => Rendered;
  /** Answered when the data cannot be read and the snapshot has nothing (default: 503 "status unknown"). */
  unavailable?: () => Rendered;
  snapshot: SnapshotUse;
  /** "none": a personal page (it carries a token) — made per request, `no-store`, never kept in the answers cache. */
  cache?: "none";
}

// The table holds endpoints of many shapes; each is type-checked where it is defined.
// biome-ignore lint/suspicious/noExplicitAny: erased after the definition is checked
export type AnyEndpoint = Endpoint<any, any, any>;
/** Every answer reads the page's brand (one small row) with its data; its renderer finds it in `ctx.brand`. */
const endpoint = <Params = Record<string, never>, Query = Record<string, never>, Data = unknown>(definition: Endpoint<Params, Query, Data>): AnyEndpoint => ({
  ...definition,
  read: async (input: EndpointInput<Params, Query>) => {
    const [data, brand] = await Promise.all([definition.read(input), readBrand()]);
    return { data, brand };
  },
  render: ({ data, brand }: { data: Data; brand: Brand }, ctx: RenderContext & EndpointInput<Params, Query>) => definition.render(data, { ...ctx, brand }),
});

const slugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,100}$/, "must be a component slug") });
const incidentParams = z.object({
  number: z
    .string()
    .regex(/^\d{1,9}$/, "must be an incident number")
    .transform(Number),
});
const none = async () => null;

/** A page of one incident (the incident, its postmortem): the same read, each its own renderer. */
const incidentPageEndpoint = (path: string, render: (data: IncidentData, ctx: RenderContext & { number: number }) => Rendered) =>
  endpoint({
    path,
    kind: "page",
    snapshot: "last-known",
    params: incidentParams,
    read: ({ params }) => readIncidentPage(params.number),
    render: (data, ctx) => render(data, { ...ctx, number: ctx.params.number }),
  });

// ── Pages ────────────────────────────────────────────────────────────────────────────────────────

const pages = [
  endpoint({ path: "/", kind: "page", snapshot: "last-known", read: ({ now }) => readHome(now), render: homePage }),
  incidentPageEndpoint("/incidents/:number", incidentPage),
  incidentPageEndpoint("/incidents/:number/postmortem", postmortemPage),
  endpoint({
    path: "/history",
    kind: "page",
    snapshot: "last-known",
    query: historyQuerySchema,
    read: ({ query, now }) => readHistory({ ...historyPageRange(query.page, now), componentSlug: query.component }),
    render: (data, ctx) => historyPage(data, { ...ctx, query: ctx.query }),
  }),
  endpoint({
    path: "/components/:slug",
    kind: "page",
    snapshot: "last-known",
    params: slugParams,
    read: ({ params, now }) => readComponentPage(params.slug, now),
    render: (data, ctx) => componentPage(data, { ...ctx, slug: ctx.params.slug }),
  }),
];

// ── Feeds, badges, calendar ──────────────────────────────────────────────────────────────────────

const FEED_SERIALIZERS = {
  rss: [rssFeed, CONTENT_TYPES.rss],
  atom: [atomFeed, CONTENT_TYPES.atom],
  json: [jsonFeed, CONTENT_TYPES.jsonFeed],
} as const;
type FeedFormat = keyof typeof FEED_SERIALIZERS;

function feed(format: FeedFormat, ctx: FormatContext, channel: FeedChannel, incidents: readonly PublicIncident[]): Rendered {
  const [serialize, contentType] = FEED_SERIALIZERS[format];
  const serialized: SerializedFeed = serialize(ctx, channel, incidents.slice(0, FEED_ITEMS));
  return { status: 200, body: serialized.text, contentType, lastModified: serialized.updated };
}

const formatContext = (components: readonly PublicComponent[], ctx: RenderContext): FormatContext => ({
  now: ctx.now,
  baseUrl: ctx.baseUrl,
  components,
  locale: ctx.i18n?.locale,
  pageName: ctx.brand?.name,
});
const notFound = (what: string): Rendered => jsonError(404, "not_found", `There is no ${what}.`);
const unknownBadge = (): Rendered => ({ status: 503, body: stateBadge("status", null), contentType: CONTENT_TYPES.svg });

async function readSite({ now }: { now: Date }) {
  const [components, active] = await Promise.all([readComponents(), readActive(now)]);
  return { components, active };
}

async function readComponentFeed({ params }: { params: { slug: string } }) {
  const components = await readComponents();
  const component = visibleComponent(components, params.slug);
  return { components, component, incidents: component ? await readComponentIncidents(components, component) : [] };
}

const historyFeed = (format: FeedFormat) =>
  endpoint({
    path: `/history.${format}`,
    kind: "payload",
    snapshot: "as-is",
    read: async () => {
      const [components, incidents] = await Promise.all([readComponents(), readNewest("any")]);
      return { components, incidents };
    },
    render: (data, ctx) => feed(format, formatContext(data.components, ctx), historyChannel(ctx.baseUrl, ctx.i18n?.locale, ctx.brand?.name), data.incidents),
  });

const componentFeed = (format: Exclude<FeedFormat, "json">) =>
  endpoint({
    path: `/components/:slug/history.${format}`,
    kind: "payload",
    snapshot: "as-is",
    params: slugParams,
    read: readComponentFeed,
    render: ({ components, component, incidents }, ctx) =>
      component
        ? feed(format, formatContext(components, ctx), componentChannel(ctx.baseUrl, component, ctx.i18n?.locale, ctx.brand?.name), incidents)
        : notFound(`component "${ctx.params.slug}"`),
  });

const feeds = [
  historyFeed("rss"),
  historyFeed("atom"),
  historyFeed("json"),
  componentFeed("rss"),
  componentFeed("atom"),
  endpoint({
    path: "/badge.svg",
    kind: "payload",
    snapshot: "never",
    read: readSite,
    unavailable: unknownBadge,
    render: ({ components, active }, ctx) => ({
      status: 200,
      body: stateBadge("status", overallState(components, currentStates(active, components, ctx.now))),
      contentType: CONTENT_TYPES.svg,
    }),
  }),
  endpoint({
    path: "/components/:slug/badge.svg",
    kind: "payload",
    snapshot: "never",
    params: slugParams,
    unavailable: unknownBadge,
    read: async ({ params, now }) => {
      const { components, active } = await readSite({ now });
      return { components, active, component: visibleComponent(components, params.slug) };
    },
    render: ({ components, active, component }, ctx) =>
      component
        ? {
            status: 200,
            body: stateBadge(component.name, currentStates(active, components, ctx.now).get(component.id) ?? "green"),
            contentType: CONTENT_TYPES.svg,
          }
        : notFound(`component "${ctx.params.slug}"`),
  }),
  endpoint({
    path: "/maintenance.ics",
    kind: "payload",
    snapshot: "as-is",
    read: readSite,
    render: ({ components, active }, ctx) => {
      const calendar = maintenanceCalendar(formatContext(components, ctx), active);
      return { status: 200, body: calendar.text, contentType: CONTENT_TYPES.calendar, lastModified: calendar.updated };
    },
  }),
  endpoint({
    path: "/feed",
    kind: "payload",
    snapshot: "skip",
    read: none,
    // The Atom feed's short address.
    render: (_data, ctx) => ({ status: 308, body: "", contentType: CONTENT_TYPES.json, headers: { Location: feedAlternates(ctx.baseUrl).atom.href } }),
  }),
];

// ── Statuspage v2 ────────────────────────────────────────────────────────────────────────────────

type StatuspageList = "incident" | "maintenance" | null;

function statuspage(path: string, newest: StatuspageList, render: (site: StatuspageSite, newest: PublicIncident[]) => { page: StatuspagePage }) {
  return endpoint({
    path,
    kind: "payload",
    snapshot: "as-is",
    read: async ({ now }) => {
      const [site, list] = await Promise.all([readSite({ now }), newest ? readNewest(newest) : Promise.resolve([])]);
      return { ...site, list };
    },
    render: ({ components, active, list }, ctx) => {
      const value = render(statuspageSite(formatContext(components, ctx), active), list);
      return json(value, new Date(value.page.updated_at));
    },
  });
}

const statuspageApi = [
  statuspage("/api/v2/summary.json", null, summaryJson),
  statuspage("/api/v2/status.json", null, statusJson),
  statuspage("/api/v2/components.json", null, componentsJson),
  statuspage("/api/v2/incidents.json", "incident", (site, newest) => incidentsJson(site, newest)),
  statuspage("/api/v2/incidents/unresolved.json", null, (site) => incidentsJson(site)),
  statuspage("/api/v2/scheduled-maintenances.json", "maintenance", (site, newest) => maintenancesJson(site, { newest })),
  statuspage("/api/v2/scheduled-maintenances/upcoming.json", null, (site) => maintenancesJson(site, "upcoming")),
  statuspage("/api/v2/scheduled-maintenances/active.json", null, (site) => maintenancesJson(site, "active")),
];

// ── Heroku v3 / v4 ───────────────────────────────────────────────────────────────────────────────

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

async function readNewestWithComponents() {
  const [components, newest] = await Promise.all([readComponents(), readNewest("any")]);
  return { components, newest };
}

const herokuApi = [
  endpoint({
    path: "/api/v3/current-status",
    kind: "payload",
    snapshot: "as-is",
    read: readSite,
    render: ({ components, active }, ctx) => json(v3CurrentStatus(formatContext(components, ctx), active)),
  }),
  endpoint({
    path: "/api/v3/issues",
    kind: "payload",
    snapshot: "as-is",
    query: z.object({ since: since.optional(), limit }),
    read: readNewestWithComponents,
    render: ({ components, newest }, ctx) => json(v3Issues(formatContext(components, ctx), newest, ctx.query)),
  }),
  endpoint({
    path: "/api/v3/issues/:id",
    kind: "payload",
    snapshot: "as-is",
    params: z.object({
      id: z
        .string()
        .regex(/^\d{1,9}$/, "must be an incident number")
        .transform(Number),
    }),
    read: async ({ params }) => {
      const [components, incident] = await Promise.all([readComponents(), readIncident(params.id)]);
      return { components, incident };
    },
    render: ({ components, incident }, ctx) => (incident ? json(v3Issue(formatContext(components, ctx), incident)) : notFound(`incident ${ctx.params.id}`)),
  }),
  endpoint({
    path: "/api/v4/current-status",
    kind: "payload",
    snapshot: "as-is",
    read: readSite,
    render: ({ components, active }, ctx) => json(v4CurrentStatus(formatContext(components, ctx), active)),
  }),
  endpoint({
    path: "/api/v4/incidents",
    kind: "payload",
    snapshot: "as-is",
    query: z.object({ limit }),
    read: readNewestWithComponents,
    render: ({ components, newest }, ctx) => json(newest.slice(0, ctx.query.limit).map((incident) => v4Incident(formatContext(components, ctx), incident))),
  }),
];

/** Machine-readable read endpoints that the OpenAPI document describes. */
export const READ_API_PATHS: readonly string[] = [
  ...[...feeds, ...statuspageApi, ...herokuApi].map((entry) => entry.path).filter((path) => path !== "/feed"),
  "/embed.json",
];

const openApi = endpoint({
  path: "/api/openapi.json",
  kind: "payload",
  snapshot: "as-is",
  read: none,
  render: (_data, ctx) => json(openApiDocument(ctx.baseUrl, READ_API_PATHS)),
});

// ── The page's logo and favicon (lib/branding) ───────────────────────────────────────────────────

// Pages link them with `?v=<hash>`, so a new upload is a new address and an hour of caching is safe.
// An SVG was sanitized on upload; the payload CSP (no scripts, sandbox) and nosniff apply as well.
const brandImage = (kind: BrandImageKind) =>
  endpoint({
    path: `/brand/${kind}`,
    kind: "payload",
    snapshot: "as-is",
    read: () => readBrandImage(kind),
    render: (image) =>
      image
        ? { status: 200, body: Buffer.from(image.base64, "base64"), contentType: image.type, headers: { "Cache-Control": "public, max-age=3600" } }
        : notFound(kind),
  });

const brandImages = [brandImage("logo"), brandImage("favicon")];

// ── Embedding in other sites (lib/embed) ─────────────────────────────────────────────────────────

const embeds = [
  endpoint({
    path: "/embed.js",
    kind: "payload",
    snapshot: "as-is",
    read: none,
    // Changes only with a new release; the ETag revalidates it after an hour.
    render: () => ({ status: 200, body: embedScriptSource(), contentType: CONTENT_TYPES.javascript, headers: { "Cache-Control": "public, max-age=3600" } }),
  }),
  endpoint({
    path: "/embed.json",
    kind: "payload",
    snapshot: "as-is",
    read: readSite,
    render: ({ components, active }, ctx) => json(embedStatus(formatContext(components, ctx), active)),
  }),
  endpoint({
    path: "/embed/status",
    kind: "page",
    snapshot: "skip",
    query: widgetQuerySchema,
    read: readSite,
    render: ({ components, active }, ctx) => ({
      status: 200,
      body: widgetPage(embedStatus(formatContext(components, ctx), active), ctx.query.components),
      contentType: CONTENT_TYPES.html,
      headers: { "Content-Security-Policy": WIDGET_CSP },
    }),
  }),
];

export const PUBLIC_ENDPOINTS: readonly AnyEndpoint[] = [
  ...pages,
  ...feeds,
  ...statuspageApi,
  ...herokuApi,
  openApi,
  ...embeds,
  // Defined in their own modules; wrapped here so they read the brand like every answer.
  ...[...ACCESS_ENDPOINTS, ...SUBSCRIPTION_ENDPOINTS].map((entry) => endpoint(entry)),
  ...brandImages,
];
