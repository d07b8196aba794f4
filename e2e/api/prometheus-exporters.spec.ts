// Prometheus exporters for Statuspage, pointed at Beacon with nothing changed but the URL. None can
// be installed here (they are Go and Python programs; only npm is reachable, and npm has none), so
// this spec does what each one does, as read from its source: the same requests, the same decoding,
// the same status → metric mapping, against the built app. The same decoding of the real Statuspage
// payloads in tests/fixtures shows the model matches the exporter. A change in Beacon that would
// break either exporter fails here.
import { expect, test, type APIResponse } from "@playwright/test";
import componentsFixture from "../../tests/fixtures/statuspage/components.json" with { type: "json" };
import summaryFixture from "../../tests/fixtures/statuspage/summary.json" with { type: "json" };

type Json = Record<string, unknown>;

const OPEN_INCIDENT = "Elevated error rates on the Platform API";
const MAINTENANCE = "Scheduled maintenance of add-on provisioning";

// --- sergeyshevch/statuspage-exporter (Go) ----------------------------------------------------
// Read at commit daba4da3c2ac84aedc68776c516c5a76c58ccabd:
// pkg/engines/statuspageio/fetch.go: detection is `HEAD <target>/api/v2/components.json` answering
// 2xx (resty's IsSuccess); then `GET` of the same URL (the target's path is replaced, so Beacon
// must be served at the root of its host) decoded by resty into types.go's
//   AtlassianStatusPageResponse{ Page{Name `json:"name"`, URL `json:"url"`}, Components []{Name, Description, Status string}, Status{Indicator string} }
// which resty does only for a JSON Content-Type (go-resty/resty v2 client.go, jsonCheck).
// mapper.go: StatusToMetricValue / IndicatorToMetricValue onto pkg/engines/types/types.go's Status
// (0 unknown, 1 operational, 2 planned maintenance, 3 degraded performance, 4 partial outage,
// 5 major outage), exported by pkg/prober/handler.go as statuspage_component{service,
// status_page_url, component} and statuspage_overall{service, status_page_url}. (At that commit
// fetch.go passes component statuses to IndicatorToMetricValue, which gives 0 for every component of
// every Statuspage page, real or Beacon; the model below uses StatusToMetricValue, as the metric's
// help text and the earlier pkg/utils/statusMapper.go do.)

const RESTY_JSON = /(application|text)\/(json|.*\+json|json-.*)(;|$)/i;

/** Go's encoding/json into a `string` field: absent or null leave "", a string is itself, anything else fails the decode. */
function goString(object: unknown, key: string): string {
  const value = (object as Json | null)?.[key];
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw new Error(`json: cannot unmarshal ${typeof value} into Go struct field .${key} of type string`);
  return value;
}

function decodeAtlassianStatusPageResponse(body: unknown) {
  const root = body as Json;
  const components = root.components;
  if (components !== undefined && components !== null && !Array.isArray(components)) throw new Error("json: cannot unmarshal into []struct");
  return {
    page: { name: goString(root.page, "name"), url: goString(root.page, "url") },
    components: ((components as unknown[] | undefined) ?? []).map((component) => ({
      name: goString(component, "name"),
      description: goString(component, "description"),
      status: goString(component, "status"),
    })),
    status: { indicator: goString(root.status, "indicator") },
  };
}

function goStatusToMetricValue(status: string): number {
  return ({ operational: 1, degraded_performance: 3, partial_outage: 4, major_outage: 5 } as Record<string, number>)[status] ?? 0;
}

function goIndicatorToMetricValue(indicator: string): number {
  return ({ none: 1, minor: 3, major: 4, critical: 5 } as Record<string, number>)[indicator] ?? 0;
}

function goExporterMetrics(target: string, decoded: ReturnType<typeof decodeAtlassianStatusPageResponse>) {
  return {
    component: Object.fromEntries(
      decoded.components.map((component) => [`${decoded.page.name}|${target}|${component.name}`, goStatusToMetricValue(component.status)]),
    ),
    overall: { [`${decoded.page.name}|${target}`]: goIndicatorToMetricValue(decoded.status.indicator) },
  };
}

async function goScrape(response: APIResponse) {
  expect(response.status()).toBeGreaterThanOrEqual(200);
  expect(response.status()).toBeLessThan(300);
  expect(response.headers()["content-type"]).toMatch(RESTY_JSON);
  return decodeAtlassianStatusPageResponse(await response.json());
}

test.describe("sergeyshevch/statuspage-exporter", () => {
  test("detects Beacon as a Statuspage.io page with HEAD /api/v2/components.json", async ({ request }) => {
    const head = await request.head("/api/v2/components.json");
    expect(head.status()).toBe(200);
    expect(await head.body()).toHaveLength(0);
  });

  test("exports every component with a known value: Production and Platform API degraded, the rest operational", async ({ request, baseURL }) => {
    const decoded = await goScrape(await request.get("/api/v2/components.json"));
    expect(decoded.page.name).toBe("Beacon status");
    const metrics = goExporterMetrics(baseURL!, decoded);
    const value = (component: string) => metrics.component[`Beacon status|${baseURL}|${component}`];
    expect(Object.keys(metrics.component)).toHaveLength(9);
    expect(value("Production")).toBe(3);
    expect(value("Platform API")).toBe(3);
    expect(value("Development")).toBe(1);
    expect(value("Git push")).toBe(1);
    // No component falls into "unknown" (0): every status is one the exporter maps.
    expect(Object.values(metrics.component).filter((metric) => metric === 0)).toEqual([]);
  });

  test("decodes Beacon exactly as it decodes a real Statuspage page", async ({ request, baseURL }) => {
    const beacon = await goScrape(await request.get("/api/v2/components.json"));
    const real = decodeAtlassianStatusPageResponse(componentsFixture);
    expect(real.components.map((component) => goStatusToMetricValue(component.status))).toEqual([1, 1, 1]);
    // components.json has no page status on Statuspage either, so statuspage_overall is 0 on both.
    expect(goExporterMetrics(baseURL!, beacon).overall).toEqual({ [`Beacon status|${baseURL}`]: 0 });
    expect(goExporterMetrics("https://discordstatus.com", real).overall).toEqual({ "Discord|https://discordstatus.com": 0 });
    // Every component has a name and a description string (null decodes to ""), as on the real page.
    for (const decoded of [beacon, real])
      expect(decoded.components.every((component) => component.name !== "" && typeof component.description === "string")).toBe(true);
  });
});

// --- mcarvin8/statuspage-prometheus-exporter (Python; PyPI statuspage-prometheus-exporter) -----
// Read at commit 39090fb50d73c5902f095479835684b729c1a3de (gauges.py at 1d510fcc825d01fb86c3da1a2ba1703abe1e4c2d):
// src/statuspage_prometheus_exporter/service_checker.py, check_status_page_service(): GET the
// configured URL (`<page>/api/v2/summary.json`, as in services.json.example) with `User-Agent: AtlassianStatusPageExporter/1.0`,
// raise_for_status(), response.json(); then
//   components: c["status"].lower() == "operational" → 1, else 0          (statuspage_component_status)
//   incidents active: status not in {resolved, completed, postmortem} and no resolved_at
//   scheduled_maintenances active: status not in {completed, cancelled} and no resolved_at
//   indicator = status.indicator, overridden by the highest active incident impact
//     (critical > major > minor), or "minor" when components are down without an incident;
//   statuspage_service_status = 1 for "none", else 0.
// Labels (gauges.py): incident_id, incident_name, impact, shortlink, started_at (or created_at),
// affected_components (the incident's components' names); maintenance_id, maintenance_name,
// scheduled_start (scheduled_for), scheduled_end (scheduled_until), shortlink, affected_components.

/** Python's `str.lower()` on a value the exporter reads: a None or a number raises, failing the check. */
function pyLower(object: Json, key: string, fallback: string): string {
  const value = key in object ? object[key] : fallback;
  if (typeof value !== "string") throw new Error(`AttributeError: '${value === null ? "NoneType" : typeof value}' object has no attribute 'lower'`);
  return value.toLowerCase();
}

function pythonExporterCheck(data: Json) {
  const components = (data.components as Json[] | undefined) ?? [];
  const componentStatus = Object.fromEntries(components.map((c) => [String(c.name ?? "Unknown"), pyLower(c, "status", "unknown") === "operational" ? 1 : 0]));
  const nonOperational = components.filter((c) => pyLower(c, "status", "") !== "operational");
  const incidents = ((data.incidents as Json[] | undefined) ?? []).filter(
    (incident) => !["resolved", "completed", "postmortem"].includes(pyLower(incident, "status", "")) && !incident.resolved_at,
  );
  const maintenances = ((data.scheduled_maintenances as Json[] | undefined) ?? []).filter(
    (maintenance) => !["completed", "cancelled"].includes(pyLower(maintenance, "status", "")) && !maintenance.resolved_at,
  );
  const names = (event: Json) => ((event.components as Json[] | undefined) ?? []).map((component) => String(component.name ?? "")).join(", ");
  let indicator = pyLower((data.status as Json | undefined) ?? {}, "indicator", "unknown");
  const severity: Record<string, number> = { critical: 3, major: 2, minor: 1, none: 0 };
  const worst = incidents.map((incident) => pyLower(incident, "impact", "none")).sort((a, b) => (severity[b] ?? 0) - (severity[a] ?? 0))[0];
  if (worst && worst !== "none") indicator = worst;
  if (nonOperational.length > 0 && incidents.length === 0) indicator = "minor";
  return {
    serviceStatus: indicator === "none" ? 1 : 0,
    componentStatus,
    incidentInfo: incidents.map((incident) => ({
      incident_id: incident.id,
      incident_name: incident.name,
      impact: pyLower(incident, "impact", "unknown"),
      shortlink: incident.shortlink,
      started_at: incident.started_at || incident.created_at,
      affected_components: names(incident),
    })),
    maintenanceInfo: maintenances.map((maintenance) => ({
      maintenance_id: maintenance.id,
      maintenance_name: maintenance.name,
      scheduled_start: maintenance.scheduled_for || maintenance.created_at,
      scheduled_end: maintenance.scheduled_until || maintenance.scheduled_for,
      shortlink: maintenance.shortlink,
      affected_components: names(maintenance),
    })),
  };
}

test.describe("mcarvin8/statuspage-prometheus-exporter", () => {
  const scrape = async (request: import("@playwright/test").APIRequestContext) => {
    const response = await request.get("/api/v2/summary.json", { headers: { "User-Agent": "AtlassianStatusPageExporter/1.0" } });
    expect(response.status()).toBe(200);
    return (await response.json()) as Json;
  };

  test("reports the service down for the open incident, with its labels and the components it affects", async ({ request, baseURL }) => {
    const check = pythonExporterCheck(await scrape(request));
    expect(check.serviceStatus).toBe(0);
    expect(check.componentStatus).toMatchObject({ Production: 0, "Platform API": 0, Development: 1, "Git push": 1 });
    expect(check.incidentInfo).toHaveLength(1);
    const [incident] = check.incidentInfo;
    expect(incident).toMatchObject({
      incident_name: OPEN_INCIDENT,
      impact: "minor",
      affected_components: "Platform API",
      shortlink: `${baseURL}/incidents/${incident!.incident_id}`,
    });
    expect(Date.parse(String(incident!.started_at))).toBeLessThan(Date.now());
  });

  test("lists the upcoming maintenance window with its start, end and link", async ({ request, baseURL }) => {
    const check = pythonExporterCheck(await scrape(request));
    expect(check.maintenanceInfo).toHaveLength(1);
    const [maintenance] = check.maintenanceInfo;
    expect(maintenance).toMatchObject({ maintenance_name: MAINTENANCE, shortlink: `${baseURL}/incidents/${maintenance!.maintenance_id}` });
    expect(Date.parse(String(maintenance!.scheduled_end)) - Date.parse(String(maintenance!.scheduled_start))).toBe(2 * 3_600_000);
    expect(maintenance!.affected_components).not.toBe("");
  });

  test("reads a real Statuspage summary the same way (all operational → 1)", () => {
    expect(pythonExporterCheck(summaryFixture as Json)).toEqual({
      serviceStatus: 1,
      componentStatus: { "South Korea": 1 },
      incidentInfo: [],
      maintenanceInfo: [],
    });
  });
});
