// The real thing: Debian's Prometheus Alertmanager delivers to Beacon's inbound endpoint with its
// bearer token and send_resolved. Alerts pushed to Alertmanager's own API become one draft (however
// often they are pushed), a commander's confirmation makes them public, expiring them proposes a
// Resolved draft, and 50 alerts at once collapse into a storm draft. Prints the push → draft latency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import { confirmDraft, type DraftView, listOpenDrafts } from "@/lib/alerts/drafts";
import { createIntegration, createRule } from "@/lib/alerts/integrations";
import { STORM_THRESHOLD_KEY } from "@/lib/alerts/received";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { createRuleSchema } from "@/lib/validation/integrations";
import { type Alertmanager, type PushedAlert, startAlertmanager } from "../support/alertmanager";
import { type BeaconServer, startBeaconServer } from "../support/beacon-server";
import { createActors, createComponents, landed } from "../support/publish-fixtures";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { providers } from "../support/test-databases";

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const errorRate = (fields: Partial<PushedAlert> = {}): PushedAlert => ({
  labels: { alertname: "HighErrorRate", service: "api", severity: "critical", instance: "api-1:9100" },
  annotations: { summary: "5xx above 5% on the API" },
  generatorURL: "http://prometheus.example.com/graph?g0.expr=rate%28http_5xx%5B5m%5D%29",
  ...fields,
});

describe.each(providers)("a real Alertmanager delivering to Beacon on $name", (provider) => {
  let database: AppDatabase;
  let db: Db;
  let server: BeaconServer;
  let alertmanager: Alertmanager;
  let actors: Record<Role, Actor>;
  let gitPush = 0;
  const startsAt = new Date().toISOString();

  const openDrafts = async (kind: DraftView["kind"]) => (await listOpenDrafts(db)).filter((draft) => draft.kind === kind);

  beforeAll(async () => {
    database = await openAppDatabase(provider);
    db = database.db;
    gitPush = (await createComponents(db)).gitPush;
    actors = await createActors(db);
    const { token } = await createIntegration(db, actors.admin, { name: "alertmanager-prod", kind: "alertmanager" }, new Date());
    await createRule(
      db,
      actors.admin,
      createRuleSchema.parse({ name: "API", matchers: [{ label: "service", op: "equals", value: "api" }], componentIds: [gitPush] }),
    );
    server = await startBeaconServer();
    alertmanager = await startAlertmanager({ webhookUrl: `${server.base}/api/integrations/alertmanager`, token });
  });

  afterAll(async () => {
    await alertmanager?.close();
    await server?.close();
    await database?.close();
  });

  it("an alert pushed to Alertmanager becomes one draft, however often it is pushed; nothing is public", async () => {
    const pushedAt = performance.now();
    await alertmanager.push([errorRate({ startsAt })]);
    const [draft] = await waitFor("the draft", async () => {
      const drafts = await openDrafts("open_incident");
      return drafts.length > 0 ? drafts : null;
    });
    console.log(`[alertmanager ${provider.name}] push to Alertmanager → draft in Beacon: ${Math.round(performance.now() - pushedAt)} ms (group_wait 1s)`);
    expect(draft).toMatchObject({ title: "HighErrorRate", stateChanges: [{ componentId: gitPush, state: "red" }], integration: { name: "alertmanager-prod" } });
    expect(draft!.alerts[0]).toMatchObject({
      status: "firing",
      labels: { instance: "api-1:9100" },
      generatorUrl: expect.stringContaining("prometheus.example.com"),
    });

    for (let push = 0; push < 5; push++) {
      await alertmanager.push([errorRate({ startsAt })]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(await openDrafts("open_incident")).toHaveLength(1);
    expect(await db.incident.count()).toBe(0);
    const home = await fetch(`${server.base}/`).then((response) => response.text());
    expect(home).not.toContain("HighErrorRate");
  });

  it("confirmed by a commander, it is public; expired in Alertmanager, Beacon proposes Resolved without publishing it", async () => {
    const [draft] = await openDrafts("open_incident");
    const { incidentNumber } = landed(await confirmDraft(db, actors.commander, draft!.id, { title: "Elevated errors on Git push" }, { now: new Date() }));
    invalidatePublicViews();
    expect(await fetch(`${server.base}/incidents/${incidentNumber}`).then((response) => response.text())).toContain("Elevated errors on Git push");

    await alertmanager.push([errorRate({ startsAt, endsAt: new Date(Date.now() - 1_000).toISOString() })]);
    const [proposal] = await waitFor("the Resolved proposal", async () => {
      const drafts = await openDrafts("post");
      return drafts.length > 0 ? drafts : null;
    });
    expect(proposal).toMatchObject({
      postType: "resolved",
      incident: { number: incidentNumber },
      stillFiring: [],
      stateChanges: [{ componentId: gitPush, state: "green" }],
    });
    const incident = await db.incident.findUniqueOrThrow({ where: { number: incidentNumber }, include: { posts: true } });
    expect(incident.resolvedAt).toBeNull();
    expect(incident.posts.map((post) => post.type)).toEqual(["investigating"]);
  });

  it("50 different alerts at once collapse into a storm draft beyond the threshold", async () => {
    await db.setting.create({ data: { key: STORM_THRESHOLD_KEY, value: 5 } });
    const storm = Array.from({ length: 50 }, (_, index) =>
      errorRate({ labels: { alertname: `Saturation${index}`, service: "api", severity: "warning" }, startsAt }),
    );
    await alertmanager.push(storm);
    await waitFor("all 50 alerts", async () => (await db.alert.count({ where: { groupKey: { contains: "Saturation" } } })) === 50 || null);
    const drafts = (await openDrafts("open_incident")).filter((draft) => draft.alerts.some((alert) => alert.labels.alertname?.startsWith("Saturation")));
    // The threshold counts every draft integrations opened within 10 minutes: HighErrorRate's is one of the 5.
    expect(drafts.filter((draft) => !draft.storm)).toHaveLength(4);
    const [stormDraft] = drafts.filter((draft) => draft.storm);
    expect(stormDraft!.alerts).toHaveLength(46);
    expect(stormDraft!.title).toBe("Multiple systems affected");
  });
});
