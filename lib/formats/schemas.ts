/**
 * The read APIs' response bodies as zod schemas: Atlassian Statuspage v2, Heroku status v3/v4,
 * JSON Feed 1.1 and Beacon's own /embed.json. One definition serves three purposes, so they cannot drift apart:
 *   - the serializers (statuspage.ts, heroku.ts, feeds.ts) are typed by `z.infer` of these schemas;
 *   - unit tests parse the serializers' output AND the real payloads in tests/fixtures with them;
 *   - lib/api/openapi.ts publishes them as the response schemas of /api/openapi.json.
 * Objects are strict (no unknown keys), so a field Beacon adds or drops, or a real API has that
 * these lack, fails a test. Fields are optional or nullable only where a real payload leaves them
 * out or sets them to null.
 */
import * as z from "zod";

/** Every named schema, for OpenAPI's `components.schemas`. */
export const readApiSchemas = z.registry<{ id: string }>();

function named<T extends z.ZodType>(id: string, schema: T): T {
  readApiSchemas.add(schema, { id });
  return schema;
}

// --- Atlassian Statuspage v2 (/api/v2/*.json) ------------------------------------------------

/** "2022-02-15T13:37:37.407-08:00": milliseconds and a numeric offset, as Statuspage writes it. */
const statuspageTime = z.iso
  .datetime({ offset: true, precision: 3 })
  .regex(/[+-]\d{2}:\d{2}$/, "must end in a numeric offset such as +00:00")
  .meta({ format: "date-time", description: "ISO 8601 with milliseconds and a numeric offset, e.g. 2012-06-30T03:18:00.000+00:00" });

export const statuspageComponentStatus = z.enum(["operational", "degraded_performance", "partial_outage", "major_outage", "under_maintenance"]);
export type StatuspageComponentStatus = z.infer<typeof statuspageComponentStatus>;
export const statuspageIndicator = z.enum(["none", "minor", "major", "critical"]);
export type StatuspageIndicator = z.infer<typeof statuspageIndicator>;
// Real pages may also say "postmortem"; Beacon never does.
export const statuspageIncidentStatus = z.enum(["investigating", "identified", "monitoring", "resolved"]);
export type StatuspageIncidentStatus = z.infer<typeof statuspageIncidentStatus>;
export const statuspageMaintenanceStatus = z.enum(["scheduled", "in_progress", "verifying", "completed"]);
export type StatuspageMaintenanceStatus = z.infer<typeof statuspageMaintenanceStatus>;
export const statuspageIncidentImpact = z.enum(["none", "minor", "major", "critical"]);
export type StatuspageIncidentImpact = z.infer<typeof statuspageIncidentImpact>;
// Beacon says "maintenance"; Statuspage lets a maintenance carry an incident impact too.
export const statuspageMaintenanceImpact = z.enum(["none", "minor", "major", "critical", "maintenance"]);

export const statuspagePage = named(
  "StatuspagePage",
  z.strictObject({ id: z.string(), name: z.string(), url: z.url(), time_zone: z.string(), updated_at: statuspageTime }),
);
export type StatuspagePage = z.infer<typeof statuspagePage>;

export const statuspageStatus = named(
  "StatuspageStatus",
  z.strictObject({
    indicator: statuspageIndicator,
    description: z.string().meta({ description: "e.g. All Systems Operational, Partially Degraded Service, Major Service Outage" }),
  }),
);
export type StatuspageStatus = z.infer<typeof statuspageStatus>;

export const statuspageComponent = named(
  "StatuspageComponent",
  z.strictObject({
    id: z.string(),
    name: z.string(),
    status: statuspageComponentStatus,
    created_at: statuspageTime,
    updated_at: statuspageTime,
    position: z.int().min(1),
    description: z.string().nullable(),
    showcase: z.boolean(),
    start_date: z.iso.date().nullable(),
    group_id: z.string().nullable(),
    page_id: z.string(),
    group: z.boolean(),
    only_show_if_degraded: z.boolean(),
    components: z.array(z.string()).optional().meta({ description: "Groups only: the ids of their components" }),
  }),
);
export type StatuspageComponent = z.infer<typeof statuspageComponent>;

export const statuspageAffectedComponent = named(
  "StatuspageAffectedComponent",
  z.strictObject({ code: z.string(), name: z.string(), old_status: statuspageComponentStatus, new_status: statuspageComponentStatus }),
);
export type StatuspageAffectedComponent = z.infer<typeof statuspageAffectedComponent>;

function statuspageUpdate<S extends z.ZodEnum>(status: S) {
  return z.strictObject({
    id: z.string(),
    status,
    body: z.string(),
    incident_id: z.string(),
    created_at: statuspageTime,
    updated_at: statuspageTime,
    display_at: statuspageTime,
    affected_components: z.array(statuspageAffectedComponent).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.string().nullable(),
  });
}

export const statuspageIncidentUpdate = named("StatuspageIncidentUpdate", statuspageUpdate(statuspageIncidentStatus));
export const statuspageMaintenanceUpdate = named("StatuspageMaintenanceUpdate", statuspageUpdate(statuspageMaintenanceStatus));

/** The fields incidents and maintenances share, in Statuspage's order. */
function statuspageEvent<S extends z.ZodEnum, I extends z.ZodEnum, U extends z.ZodType>(status: S, impact: I, update: U) {
  return {
    id: z.string(),
    name: z.string(),
    status,
    created_at: statuspageTime,
    updated_at: statuspageTime,
    monitoring_at: statuspageTime.nullable(),
    resolved_at: statuspageTime.nullable(),
    impact,
    shortlink: z.url(),
    started_at: statuspageTime,
    page_id: z.string(),
    incident_updates: z.array(update).meta({ description: "Newest first" }),
    components: z.array(statuspageComponent),
  };
}

export const statuspageIncident = named(
  "StatuspageIncident",
  z.strictObject({
    ...statuspageEvent(statuspageIncidentStatus, statuspageIncidentImpact, statuspageIncidentUpdate),
    // Statuspage's postmortem fields; public pages leave them out until a postmortem is published.
    postmortem_body: z.string().optional().meta({ description: "The published postmortem (Markdown), once there is one" }),
    postmortem_published_at: statuspageTime.optional().meta({ description: "When the postmortem was published" }),
  }),
);
export type StatuspageIncident = z.infer<typeof statuspageIncident>;

export const statuspageMaintenance = named(
  "StatuspageMaintenance",
  z.strictObject({
    ...statuspageEvent(statuspageMaintenanceStatus, statuspageMaintenanceImpact, statuspageMaintenanceUpdate),
    scheduled_for: statuspageTime.nullable(),
    scheduled_until: statuspageTime.nullable(),
  }),
);
export type StatuspageMaintenance = z.infer<typeof statuspageMaintenance>;

export const statuspageSummaryResponse = named(
  "StatuspageSummaryResponse",
  z.strictObject({
    page: statuspagePage,
    components: z.array(statuspageComponent),
    incidents: z.array(statuspageIncident),
    scheduled_maintenances: z.array(statuspageMaintenance),
    status: statuspageStatus,
  }),
);
export type StatuspageSummaryResponse = z.infer<typeof statuspageSummaryResponse>;
export const statuspageStatusResponse = named("StatuspageStatusResponse", z.strictObject({ page: statuspagePage, status: statuspageStatus }));
export type StatuspageStatusResponse = z.infer<typeof statuspageStatusResponse>;
export const statuspageComponentsResponse = named(
  "StatuspageComponentsResponse",
  z.strictObject({ page: statuspagePage, components: z.array(statuspageComponent) }),
);
export type StatuspageComponentsResponse = z.infer<typeof statuspageComponentsResponse>;
export const statuspageIncidentsResponse = named(
  "StatuspageIncidentsResponse",
  z.strictObject({ page: statuspagePage, incidents: z.array(statuspageIncident) }),
);
export type StatuspageIncidentsResponse = z.infer<typeof statuspageIncidentsResponse>;
export const statuspageMaintenancesResponse = named(
  "StatuspageMaintenancesResponse",
  z.strictObject({ page: statuspagePage, scheduled_maintenances: z.array(statuspageMaintenance) }),
);
export type StatuspageMaintenancesResponse = z.infer<typeof statuspageMaintenancesResponse>;

// --- Heroku status v3 and v4 (/api/v3/*, /api/v4/*) ------------------------------------------

/** Heroku writes UTC with a "Z" ("2013-11-13T18:17:11Z", "2009-10-23T18:49:49.000Z"). */
const herokuTime = z.iso.datetime({ offset: true });

export const herokuColor = z.enum(["green", "yellow", "red"]);
export type HerokuColor = z.infer<typeof herokuColor>;
export const herokuUpdateType = z.enum(["issue", "update", "resolved", "scheduled"]);
export type HerokuUpdateType = z.infer<typeof herokuUpdateType>;
// Incidents: their Statuspage phase; maintenance: where its window stands.
export const herokuV4State = z.enum(["investigating", "identified", "monitoring", "resolved", "upcoming", "in_progress", "completed"]);

export const herokuV3Update = named(
  "HerokuV3Update",
  z.strictObject({
    id: z.int(),
    created_at: herokuTime,
    updated_at: herokuTime,
    incident_id: z.int(),
    update_type: herokuUpdateType,
    contents: z.string(),
    title: z.string().nullable(),
    status_dev: herokuColor,
    status_prod: herokuColor,
  }),
);
export type HerokuV3Update = z.infer<typeof herokuV3Update>;

export const herokuV3Issue = named(
  "HerokuV3Issue",
  z.strictObject({
    id: z.int(),
    created_at: herokuTime,
    updated_at: herokuTime,
    title: z.string(),
    resolved: z.boolean(),
    upcoming: z.boolean(),
    status_dev: herokuColor,
    status_prod: herokuColor,
    href: z.url(),
    // Heroku's 2013 answers had no full_url; Beacon always sends it.
    full_url: z.url().optional(),
    updates: z.array(herokuV3Update).meta({ description: "Newest first" }),
  }),
);
export type HerokuV3Issue = z.infer<typeof herokuV3Issue>;

export const herokuV3CurrentStatus = named(
  "HerokuV3CurrentStatus",
  z.strictObject({
    status: z.record(z.string(), herokuColor).meta({ description: 'One colour per system, e.g. {"Production":"green","Development":"green"}' }),
    issues: z.array(herokuV3Issue),
  }),
);
export type HerokuV3CurrentStatus = z.infer<typeof herokuV3CurrentStatus>;
export const herokuV3Issues = named("HerokuV3Issues", z.array(herokuV3Issue));

// A recorded live v4 answer leaves out `updated_at` and the updates' `id`; Beacon always sends them.
export const herokuV4Update = named(
  "HerokuV4Update",
  z.strictObject({ id: z.int().optional(), update_type: herokuUpdateType, contents: z.string(), created_at: herokuTime, updated_at: herokuTime.optional() }),
);
export type HerokuV4Update = z.infer<typeof herokuV4Update>;

export const herokuV4System = named("HerokuV4System", z.strictObject({ name: z.string(), status: herokuColor, services: z.array(z.string()) }));

export const herokuV4Incident = named(
  "HerokuV4Incident",
  z.strictObject({
    id: z.int(),
    title: z.string(),
    created_at: herokuTime,
    updated_at: herokuTime.optional(),
    full_url: z.url(),
    resolved: z.boolean(),
    state: herokuV4State,
    systems: z.array(herokuV4System),
    updates: z.array(herokuV4Update).meta({ description: "Newest first" }),
  }),
);
export type HerokuV4Incident = z.infer<typeof herokuV4Incident>;

export const herokuV4CurrentStatus = named(
  "HerokuV4CurrentStatus",
  z.strictObject({
    status: z.array(z.strictObject({ system: z.string(), status: herokuColor })),
    incidents: z.array(herokuV4Incident),
    scheduled: z.array(herokuV4Incident),
  }),
);
export type HerokuV4CurrentStatus = z.infer<typeof herokuV4CurrentStatus>;
export const herokuV4Incidents = named("HerokuV4Incidents", z.array(herokuV4Incident));

// --- JSON Feed 1.1 (/history.json) -----------------------------------------------------------

const rfc3339 = z.iso.datetime({ offset: true });

export const jsonFeedItem = named(
  "JsonFeedItem",
  z.strictObject({
    id: z.string(),
    url: z.url(),
    title: z.string(),
    summary: z.string(),
    content_html: z.string(),
    date_published: rfc3339,
    date_modified: rfc3339,
    tags: z.array(z.string()),
  }),
);
export type JsonFeedItem = z.infer<typeof jsonFeedItem>;

export const jsonFeed = named(
  "JsonFeed",
  z.strictObject({
    version: z.literal("https://jsonfeed.org/version/1.1"),
    title: z.string(),
    home_page_url: z.url(),
    feed_url: z.url().optional(),
    description: z.string(),
    language: z.string(),
    authors: z.array(z.strictObject({ name: z.string(), url: z.url() })),
    items: z.array(jsonFeedItem),
  }),
);
export type JsonFeed = z.infer<typeof jsonFeed>;

// --- Beacon's embeddable banner (/embed.json, lib/embed) --------------------------------------

const componentState = z.enum(["green", "blue", "yellow", "red"]);

/** What the banner script needs and nothing more: the verdict and what affects customers now. */
export const embedStatusResponse = named(
  "EmbedStatusResponse",
  z.strictObject({
    status: componentState,
    description: z.string().meta({ description: "e.g. All systems operational, Partial disruption" }),
    url: z.url(),
    incidents: z.array(
      z.strictObject({
        id: z.int().min(1).meta({ description: "the incident's number" }),
        kind: z.enum(["incident", "maintenance"]),
        title: z.string(),
        state: componentState,
        label: z.string().meta({ description: "the state in words, e.g. Major outage, Under maintenance" }),
        components: z.array(z.string()).meta({ description: "slugs of the affected components and of the systems they belong to" }),
        url: z.url(),
        updated_at: z.iso.datetime(),
      }),
    ),
  }),
);
export type EmbedStatusResponse = z.infer<typeof embedStatusResponse>;

/** Each JSON read endpoint's response body, by its path pattern in lib/public/endpoints.ts. */
export const READ_RESPONSE_SCHEMAS = {
  "/history.json": jsonFeed,
  "/api/v2/summary.json": statuspageSummaryResponse,
  "/api/v2/status.json": statuspageStatusResponse,
  "/api/v2/components.json": statuspageComponentsResponse,
  "/api/v2/incidents.json": statuspageIncidentsResponse,
  "/api/v2/incidents/unresolved.json": statuspageIncidentsResponse,
  "/api/v2/scheduled-maintenances.json": statuspageMaintenancesResponse,
  "/api/v2/scheduled-maintenances/upcoming.json": statuspageMaintenancesResponse,
  "/api/v2/scheduled-maintenances/active.json": statuspageMaintenancesResponse,
  "/api/v3/current-status": herokuV3CurrentStatus,
  "/api/v3/issues": herokuV3Issues,
  "/api/v3/issues/:id": herokuV3Issue,
  "/api/v4/current-status": herokuV4CurrentStatus,
  "/api/v4/incidents": herokuV4Incidents,
  "/embed.json": embedStatusResponse,
} as const satisfies Record<string, z.ZodType>;
