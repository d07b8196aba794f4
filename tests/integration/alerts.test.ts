// Alerts in, through Beacon's real HTTP server on both databases: integration tokens (401), payload
// shapes (422), size (413, and a 1,000-alert payload processed up to the cap), drafts that publish
// nothing until a commander confirms, idempotent resends, grouping, flapping, Resolved proposals,
// publish mode written by the integration, storms — and no draft or label text in any public output.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import { confirmDraft, dismissDraft, listOpenDrafts } from "@/lib/alerts/drafts";
import { createIntegration, createRule, revokeIntegration } from "@/lib/alerts/integrations";
import { listReceivedPayloads, listUnroutedAlerts, pruneReceivedPayloads, RETENTION_DAYS, STORM_THRESHOLD_KEY } from "@/lib/alerts/received";
import { loadInternalEntries } from "@/lib/incident-timeline/entries";
import { openIncident } from "@/lib/incidents/publish";
import { createRuleSchema, type IntegrationKind } from "@/lib/validation/integrations";
import { type BeaconServer, startBeaconServer } from "../support/beacon-server";
import { leaksIn, publicOutputs } from "../support/public-outputs";
import { createActors, createComponents, landed, openProductionOutage } from "../support/publish-fixtures";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { providers } from "../support/test-databases";

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/alerts/${name}`, "utf8"));
const PATH: Record<IntegrationKind, string> = { alertmanager: "alertmanager", grafana: "grafana", uptime_kuma: "uptime-kuma", generic: "generic" };

/** Label and annotation text that must stay internal until a commander confirms a draft. */
const SECRET = { instance: "zq-secret-db-host-17:5432", summary: "Zq-secret replica lag on the billing cluster" };

interface GenericAlert {
  id: string;
  status: "firing" | "resolved";
  labels?: Record<string, string>;
  summary?: string;
}

describe.each(providers)("alerts in on $name", (provider) => {
  let database: AppDatabase;
  let db: Db;
  let server: BeaconServer;
  let actors: Record<Role, Actor>;
  let components: Awaited<ReturnType<typeof createComponents>>;
  const tokens = {} as Record<IntegrationKind | "revoked", string>;
  let publicIncident = 0;

  async function send(kind: IntegrationKind, body: unknown, token: string | null = tokens[kind], init: RequestInit & { query?: string } = {}) {
    const headers = new Headers({ "Content-Type": "application/json", ...(init.headers as Record<string, string>) });
    if (token) headers.set("Authorization", `Bearer ${token}`);
    const response = await fetch(`${server.base}/api/integrations/${PATH[kind]}${init.query ?? ""}`, {
      method: "POST",
      headers,
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }

  const generic = (groupKey: string, ...alerts: GenericAlert[]) => send("generic", { groupKey, alerts });

  async function rule(fields: Record<string, unknown>) {
    return createRule(db, actors.admin, createRuleSchema.parse(fields));
  }

  beforeAll(async () => {
    database = await openAppDatabase(provider);
    db = database.db;
    components = await createComponents(db);
    actors = await createActors(db);
    const now = new Date();
    for (const kind of ["alertmanager", "grafana", "uptime_kuma", "generic"] as const) {
      tokens[kind] = (await createIntegration(db, actors.admin, { name: `${kind}-prod`, kind }, now)).token;
    }
    const old = await createIntegration(db, actors.admin, { name: "old-alertmanager", kind: "alertmanager" }, now);
    await revokeIntegration(db, actors.admin, old.integration.id, now);
    tokens.revoked = old.token;
    await db.webhookEndpoint.create({ data: { name: "everything", url: "https://hooks.example.com/beacon", secret: "s", componentIds: [], events: [] } });
    publicIncident = landed(await openIncident(db, actors.commander, openProductionOutage(components.production), { now })).incidentNumber;
    // Routes: the API service (draft mode, the default), the team "db" publishing at once, nothing for the rest.
    await rule({ name: "API", matchers: [{ label: "service", op: "equals", value: "api" }], componentIds: [components.gitPush] });
    await rule({ name: "Database", matchers: [{ label: "team", op: "equals", value: "db" }], componentIds: [components.development], mode: "publish" });
    await rule({
      name: "Backups",
      matchers: [{ label: "service", op: "regex", value: "backup-.*" }],
      componentIds: [components.development],
      mode: "publish",
      resolveAutomatically: true,
    });
    server = await startBeaconServer();
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("refuses a missing, wrong, revoked or other kind's token with 401, and stores nothing", async () => {
    const body = fixture("alertmanager-firing.json");
    for (const token of [null, "bci_wrong", `bci_${"A".repeat(43)}`, tokens.revoked, tokens.generic]) {
      const answer = await send("alertmanager", body, token);
      expect(answer.status, String(token)).toBe(401);
      expect(answer.headers.get("www-authenticate")).toContain("Bearer");
      expect(answer.body.error.code).toBe("unauthorized");
    }
    expect(await db.alertPayload.count()).toBe(0);
    expect(await db.alert.count()).toBe(0);
  });

  it("takes the token from ?token= for tools that cannot set headers", async () => {
    const answer = await send("uptime_kuma", fixture("uptime-kuma-test.json"), null, { query: `?token=${tokens.uptime_kuma}` });
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toBe("ignored");
  });

  it("answers another tool's payload or non-JSON with 422 and the reason, stored as rejected", async () => {
    const grafanaAtAlertmanager = await send("alertmanager", fixture("grafana-firing.json"));
    expect(grafanaAtAlertmanager.status).toBe(422);
    expect(grafanaAtAlertmanager.body.error).toMatchObject({ code: "unknown_payload", message: expect.stringContaining("version") });
    expect((await send("generic", "{not json")).status).toBe(422);
    expect((await send("generic", { alerts: [{ id: "x", status: "firing" }] }, tokens.generic, { headers: { "Content-Type": "text/plain" } })).status).toBe(
      415,
    );
    const integration = await db.alertIntegration.findFirstOrThrow({ where: { kind: "alertmanager", revokedAt: null } });
    const [stored] = await listReceivedPayloads(db, integration.id);
    expect(stored).toMatchObject({ outcome: "rejected", reason: expect.stringContaining("version"), body: expect.stringContaining("High memory usage") });
  });

  it("refuses a body over 4 MiB with 413 and processes a 1,000-alert payload only up to the cap", async () => {
    const huge = await send("generic", { alerts: [{ id: "x", status: "firing", summary: "y".repeat(5 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    const many = Array.from({ length: 1_000 }, (_, index) => ({ id: `bulk-${index}`, status: "firing", labels: { alertname: `Bulk ${index}` } }));
    const started = performance.now();
    const answer = await send("generic", { groupKey: "bulk", alerts: many });
    console.log(
      `[alerts ${provider.name}] a 1,000-alert generic payload: ${Math.round(performance.now() - started)} ms (200 processed, 800 counted as truncated)`,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ outcome: "unrouted", alerts: 1_000, truncated: 800 });
    expect(answer.body.reason).toContain("800 alert(s) not processed");
    expect(await db.alert.count({ where: { fingerprint: { startsWith: "bulk-" } } })).toBe(200);
  });

  it("keeps alerts no rule routes and lists them as unrouted", async () => {
    const answer = await generic("lonely", { id: "lonely-1", status: "firing", labels: { alertname: "DiskFull", service: "scratch" } });
    expect(answer.body.outcome).toBe("unrouted");
    expect((await listUnroutedAlerts(db)).map((alert) => alert.fingerprint)).toContain("lonely-1");
  });

  it("drafts an incident for a commander from Alertmanager's payload; resends change nothing; nothing is public", async () => {
    const body = fixture("alertmanager-firing.json");
    body.alerts[0].labels.instance = SECRET.instance;
    body.alerts[0].annotations.summary = SECRET.summary;
    const first = await send("alertmanager", body);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("opened");
    for (let resend = 0; resend < 3; resend++) expect((await send("alertmanager", body)).body.outcome).toBe("ignored");

    const drafts = (await listOpenDrafts(db)).filter((draft) => draft.integration?.kind === "alertmanager");
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({
      kind: "open_incident",
      title: "HighErrorRate",
      body: "Our automated systems have detected a problem with Git push. We are investigating.",
      stateChanges: [{ componentId: components.gitPush, state: "red" }],
    });
    expect(drafts[0]!.alerts.map((alert) => alert.labels.instance)).toEqual([SECRET.instance]);
    expect(await db.incident.count()).toBe(1);

    const outputs = await publicOutputs(db, server.base, publicIncident);
    expect(outputs.some((output) => output.text.includes("Elevated errors on Production"))).toBe(true);
    expect(leaksIn(outputs, [SECRET.instance, SECRET.summary, "HighErrorRate"])).toEqual([]);
  });

  it("attaches a new alert of the same group to the open draft, not a new one", async () => {
    const body = fixture("alertmanager-firing.json");
    body.alerts[0].fingerprint = "0000000000000002";
    body.alerts[0].labels.instance = "api-2:9100";
    expect((await send("alertmanager", body)).body.outcome).toBe("attached");
    const [draft] = (await listOpenDrafts(db)).filter((one) => one.integration?.kind === "alertmanager");
    expect(draft!.alerts.map((alert) => alert.labels.instance).sort()).toEqual(["api-2:9100", SECRET.instance]);
  });

  it("publishes once a commander confirms (with edits); alerts then join the incident's internal timeline; resolved → a Resolved draft, never green by itself", async () => {
    const [draft] = (await listOpenDrafts(db)).filter((one) => one.integration?.kind === "alertmanager");
    const outcome = landed(await confirmDraft(db, actors.commander, draft!.id, { title: "Elevated errors on Git push" }, { now: new Date() }));
    await expect(confirmDraft(db, actors.commander, draft!.id, {}, { now: new Date() })).rejects.toThrow(/already confirmed/);
    const incident = await db.incident.findUniqueOrThrow({ where: { number: outcome.incidentNumber }, include: { posts: true } });
    expect(incident.title).toBe("Elevated errors on Git push");
    expect(incident.posts.map((post) => [post.type, post.authorName])).toEqual([["investigating", "commander@example.com"]]);
    expect(await db.alert.count({ where: { incidentId: incident.id } })).toBe(2);

    // One alert of the group resolves: the other still fires, so nothing is proposed yet.
    const resolved = fixture("alertmanager-resolved.json");
    const firstResolved = await send("alertmanager", resolved);
    expect(firstResolved.body).toMatchObject({ outcome: "attached", reason: expect.stringContaining("1 alert(s) of its group still firing") });
    expect((await listOpenDrafts(db)).filter((one) => one.kind === "post")).toEqual([]);

    resolved.alerts[0].fingerprint = "0000000000000002";
    expect((await send("alertmanager", resolved)).body.reason).toContain("proposed a Resolved post");
    expect((await send("alertmanager", resolved)).body.outcome).toBe("ignored");
    const proposals = (await listOpenDrafts(db)).filter((one) => one.kind === "post");
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({
      postType: "resolved",
      incident: { number: incident.number },
      stillFiring: [],
      stateChanges: [{ componentId: components.gitPush, state: "green" }],
    });
    // Not published: the incident is still open and Git push still red.
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).resolvedAt).toBeNull();
    const entries = await loadInternalEntries(db, incident.id);
    expect(entries.filter((entry) => entry.systemCode === "alert.resolved")).toHaveLength(2);
  });

  it("flapping: an alert firing again within the cool-down withdraws the Resolved proposal and opens nothing new", async () => {
    const incidents = await db.incident.count();
    const firing = fixture("alertmanager-firing.json");
    const answer = await send("alertmanager", firing);
    expect(answer.body).toMatchObject({ outcome: "attached", reason: expect.stringContaining("flapping") });
    expect(await db.incident.count()).toBe(incidents);
    expect((await listOpenDrafts(db)).filter((one) => one.integration?.kind === "alertmanager")).toEqual([]);
    const proposal = await db.alertDraft.findFirstOrThrow({ where: { kind: "post" } });
    expect(proposal.status).toBe("dismissed");
    // It resolves again: one new proposal, which lists no alert still firing.
    expect((await send("alertmanager", fixture("alertmanager-resolved.json"))).body.reason).toContain("proposed a Resolved post");
    const [again] = (await listOpenDrafts(db)).filter((one) => one.kind === "post");
    expect(again!.stillFiring).toEqual([]);
    await dismissDraft(db, actors.commander, again!.id, new Date());
  });

  it("publish mode: the Investigating post goes out at once, written and audited as the integration; its Resolved waits for a commander", async () => {
    const answer = await generic("db-lag", { id: "db-lag-1", status: "firing", labels: { alertname: "ReplicaLag", team: "db", severity: "warning" } });
    expect(answer.body).toMatchObject({ outcome: "opened", reason: expect.stringContaining("Published by integration:generic-prod") });
    const incident = await db.incident.findFirstOrThrow({ where: { title: "ReplicaLag" }, include: { posts: { include: { stateChanges: true } } } });
    expect(incident.posts.map((post) => [post.type, post.authorName, post.stateChanges.map((change) => change.state)])).toEqual([
      ["investigating", "integration:generic-prod", ["yellow"]],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "incident.open", targetId: String(incident.number) } });
    expect(audit.actorLabel).toBe("integration:generic-prod");
    expect(await db.webhookDelivery.count({ where: { payload: { contains: "ReplicaLag" } } })).toBeGreaterThan(0);

    await generic("db-lag", { id: "db-lag-1", status: "resolved", labels: { alertname: "ReplicaLag", team: "db" } });
    expect((await db.incident.findUniqueOrThrow({ where: { id: incident.id } })).resolvedAt).toBeNull();
    const [proposal] = (await listOpenDrafts(db)).filter((one) => one.kind === "post" && one.incident?.id === incident.id);
    expect(proposal).toMatchObject({ postType: "resolved" });
    await dismissDraft(db, actors.commander, proposal!.id, new Date());
  });

  it("a rule that says resolveAutomatically publishes Resolved (and green) by itself", async () => {
    await generic("backup", { id: "backup-1", status: "firing", labels: { alertname: "BackupFailed", service: "backup-nightly" } });
    await generic("backup", { id: "backup-1", status: "resolved", labels: { alertname: "BackupFailed", service: "backup-nightly" } });
    const incident = await db.incident.findFirstOrThrow({ where: { title: "BackupFailed" }, include: { posts: { include: { stateChanges: true } } } });
    expect(incident.resolvedAt).not.toBeNull();
    expect(incident.posts.map((post) => [post.type, post.authorName, post.stateChanges.map((change) => change.state)])).toEqual([
      ["investigating", "integration:generic-prod", ["yellow"]],
      ["resolved", "integration:generic-prod", ["green"]],
    ]);
  });

  it("a storm: beyond N new drafts within 10 minutes, the rest collapse into one draft listing the alerts", async () => {
    const recent = await db.alertDraft.count({ where: { kind: "open_incident", storm: false, createdAt: { gte: new Date(Date.now() - 10 * 60_000) } } });
    await db.setting.create({ data: { key: STORM_THRESHOLD_KEY, value: recent + 3 } });
    const before = await db.alertDraft.count();
    const outcomes: string[] = [];
    for (let index = 0; index < 10; index++) {
      const answer = await generic(`storm-${index}`, { id: `storm-${index}`, status: "firing", labels: { alertname: `Storm${index}`, service: "api" } });
      outcomes.push(answer.body.outcome);
    }
    expect(outcomes).toEqual(["opened", "opened", "opened", "opened", "attached", "attached", "attached", "attached", "attached", "attached"]);
    const created = await db.alertDraft.findMany({ where: { id: { gt: before } }, include: { alerts: true }, orderBy: { id: "asc" } });
    expect(created.map((draft) => [draft.storm, draft.alerts.length])).toEqual([
      [false, 1],
      [false, 1],
      [false, 1],
      [true, 7],
    ]);
    expect(created[3]!.body).toContain("Storm3");
    expect(created[3]!.body).toContain("Storm9");
    await db.setting.delete({ where: { key: STORM_THRESHOLD_KEY } });
  });

  it("stores every payload with its outcome", async () => {
    const outcomes = new Set<string>();
    for (const integration of await db.alertIntegration.findMany()) {
      for (const payload of await listReceivedPayloads(db, integration.id, 500)) outcomes.add(payload.outcome);
    }
    expect(outcomes).toEqual(new Set(["opened", "attached", "ignored", "unrouted", "rejected"]));
    expect(await db.alertPayload.count()).toBeGreaterThan(30);
  });

  it("keeps received payloads for RETENTION_DAYS, then prunes them", async () => {
    const integration = await db.alertIntegration.findFirstOrThrow({ where: { kind: "generic" } });
    const now = new Date();
    const old = await db.alertPayload.create({
      data: { integrationId: integration.id, receivedAt: new Date(now.getTime() - (RETENTION_DAYS + 1) * 86_400_000), outcome: "ignored", body: "{}" },
    });
    const kept = await db.alertPayload.count();
    expect(await pruneReceivedPayloads(db, now, true)).toBe(1);
    expect(await db.alertPayload.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.alertPayload.count()).toBe(kept - 1);
  });
});
