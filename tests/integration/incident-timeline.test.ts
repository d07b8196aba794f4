// The internal timeline on a real SQLite file and a real PostgreSQL database: commanders write
// notes, links, handoffs, freezes and deploys; viewers cannot; system events land with each
// publish; the deploy gate closes while an incident affects the environment; and none of the
// internal text reaches any public page, feed, API, the snapshot or a webhook payload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { AccessDenied, type Actor, type Role } from "@/lib/auth/roles";
import { deployGate } from "@/lib/deploys/queries";
import { freezeDeploys, liftDeployFreeze } from "@/lib/deploys/freeze";
import { recordDeploy } from "@/lib/deploys/record";
import { addLink, addNote, commandersOf, handOffCommand, takeCommand } from "@/lib/incident-timeline/command";
import { loadInternalEntries } from "@/lib/incident-timeline/entries";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { landed, openProductionOutage } from "../support/publish-fixtures";
import { type PublicServer, startPublicServer } from "../support/public-server";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { providers } from "../support/test-databases";
import { leaksIn, publicOutputs } from "../support/public-outputs";

/** Distinctive internal text: none of it may appear in any public output. */
const SECRET = {
  note: "Zq-internal-note: PagerDuty crushed, page the secondary",
  linkTitle: "Zq-internal-link Grafana errors board",
  linkUrl: "https://grafana.internal.example/d/zq-secret-board",
  deployVersion: "v9.9.9-zq-secret-build",
  deployService: "zq-secret-git-server",
  freezeReason: "Zq-freeze-reason config not transmitted",
  commanderName: "Zq Handoff Person",
};
const PUBLIC_TEXT = "Pushes fail with HTTP 401 while we investigate.";

describe.each(providers)("the internal timeline on $name", (provider) => {
  let database: AppDatabase;
  let server: PublicServer;
  let db: Db;
  const actors = {} as Record<Role | "second", Actor>;
  let incidentNumber = 0;
  let productionId = 0;
  const when = () => ({ now: new Date() });

  beforeAll(async () => {
    database = await openAppDatabase(provider, { demo: true });
    db = database.db;
    server = await startPublicServer();
    const people: [Role | "second", Role, string][] = [
      ["viewer", "viewer", ""],
      ["commander", "commander", ""],
      ["admin", "admin", ""],
      ["second", "commander", SECRET.commanderName],
    ];
    for (const [key, role, name] of people) {
      const user = await db.user.create({ data: { email: `${key}@example.com`, name, role, passwordHash: "unused" } });
      actors[key] = { userId: user.id, label: user.email, role, ip: "198.51.100.1" };
    }
    await db.webhookEndpoint.create({ data: { name: "everything", url: "https://hooks.example.com/beacon", secret: "s", componentIds: [], events: [] } });
    productionId = (await db.component.findUniqueOrThrow({ where: { slug: "production" } })).id;
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("seeds the demo's internal story: the open incident's reverts went through the closed gate", async () => {
    const reverts = await db.deploy.findMany({ where: { service: "platform-api", forcedThroughGate: true }, orderBy: { deployedAt: "asc" } });
    expect(reverts.map((d) => [d.version, d.forcedBy])).toEqual([
      ["2.42.0", "on-call"],
      ["2.41.0", "on-call"],
    ]);
    const outage = await db.incident.findUniqueOrThrow({ where: { number: 386 } });
    expect((await loadInternalEntries(db, outage.id)).map((entry) => entry.body)).toContain(
      "PagerDuty crushed — no alerts coming through. Watching the error graphs by hand.",
    );
  });

  it("writes system events in the publish transaction: published and each component's change", async () => {
    const opened = landed(
      await openIncident(db, actors.commander, openProductionOutage(productionId, { title: "Git pushes failing", body: PUBLIC_TEXT }), when()),
    );
    incidentNumber = opened.incidentNumber;
    const incident = await db.incident.findUniqueOrThrow({ where: { number: incidentNumber } });

    const entries = await loadInternalEntries(db, incident.id);

    expect(entries.map((entry) => [entry.kind, entry.systemCode, entry.body])).toEqual([
      ["system", "post.published", "Investigating published by commander@example.com"],
      // The demo's open Platform API incident had Production degraded already.
      ["system", "component.state_changed", "Production: Degraded → Outage"],
    ]);
  });

  it("viewers read but cannot write a note, a link, command, a freeze or a deploy; nobody signed in gets 401", async () => {
    const number = incidentNumber;
    const attempts = (actor: Actor | null) => [
      () => addNote(db, actor, { incidentNumber: number, body: "x" }, when()),
      () => addLink(db, actor, { incidentNumber: number, title: "x", url: "https://example.com" }, when()),
      () => takeCommand(db, actor, { incidentNumber: number }, when()),
      () => handOffCommand(db, actor, { incidentNumber: number, toUserId: actors.commander.userId! }, when()),
      () => freezeDeploys(db, actor, { incidentNumber: number, environment: "production", reason: "" }, when()),
      () => recordDeploy(db, actor, { service: "api", version: "1", environment: "production", deployedBy: "ci", force: true }, when()),
    ];
    const demoDeploys = await db.deploy.count();
    for (const attempt of attempts(actors.viewer)) await expect(attempt()).rejects.toEqual(new AccessDenied(403));
    for (const attempt of attempts(null)) await expect(attempt()).rejects.toEqual(new AccessDenied(401));
    expect(await db.deploy.count()).toBe(demoDeploys);
    expect(await db.deployFreeze.count()).toBe(0);
  });

  it("a commander takes command, hands it off, writes a note and a link; the dashboard names the commander", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await takeCommand(db, actors.commander, { incidentNumber }, when());
    await expect(takeCommand(db, actors.commander, { incidentNumber }, when())).rejects.toThrow("already commands");
    await handOffCommand(db, actors.commander, { incidentNumber, toUserId: actors.second.userId! }, when());
    await expect(handOffCommand(db, actors.commander, { incidentNumber, toUserId: actors.viewer.userId! }, when())).rejects.toThrow(
      "only to an active commander or admin",
    );
    await addNote(db, actors.second, { incidentNumber, body: SECRET.note }, when());
    await addLink(db, actors.second, { incidentNumber, title: SECRET.linkTitle, url: SECRET.linkUrl }, when());

    const entries = await loadInternalEntries(db, incident.id);
    expect(entries.filter((entry) => entry.kind === "handoff").map((entry) => [entry.fromUser, entry.toUser])).toEqual([
      [null, "commander@example.com"],
      ["commander@example.com", `${SECRET.commanderName} (second@example.com)`],
    ]);
    expect(entries.some((entry) => entry.body === SECRET.note)).toBe(true);
    expect(entries.some((entry) => entry.linkTitle === SECRET.linkTitle && entry.linkUrl === SECRET.linkUrl)).toBe(true);
    expect((await commandersOf(db, [incident.id])).get(incident.id)).toBe(`${SECRET.commanderName} (second@example.com)`);
  });

  it("the gate is closed while the incident affects production, refuses an unforced deploy and records a forced one with who forced it", async () => {
    const gate = await deployGate(db, { service: SECRET.deployService, environment: "production" }, new Date());
    expect(gate.status).toBe("closed");
    expect(gate.status === "closed" && gate.incidents.find((incident) => incident.number === incidentNumber)).toMatchObject({
      currentState: "red",
      commander: `${SECRET.commanderName} (second@example.com)`,
    });
    expect((await deployGate(db, { service: "x", environment: "development" }, new Date())).status).toBe("clear");

    const deploy = { service: SECRET.deployService, version: SECRET.deployVersion, environment: "production" as const, deployedBy: "ada" };
    expect((await recordDeploy(db, actors.commander, { ...deploy, force: false }, when())).status).toBe("gate-closed");
    expect(await db.deploy.count({ where: { service: SECRET.deployService } })).toBe(0);
    const forced = await recordDeploy(db, actors.commander, { ...deploy, force: true }, when());
    expect(forced).toMatchObject({ status: "recorded", forcedThroughGate: true });
    expect(await db.deploy.findFirstOrThrow({ where: { service: SECRET.deployService } })).toMatchObject({
      forcedThroughGate: true,
      forcedBy: "ada",
      recordedByLabel: "commander@example.com",
    });
  });

  it("a freeze closes development's gate until it is lifted; both are lines on the incident", async () => {
    await freezeDeploys(db, actors.second, { incidentNumber, environment: "development", reason: SECRET.freezeReason }, when());
    await expect(freezeDeploys(db, actors.second, { incidentNumber, environment: "development", reason: "" }, when())).rejects.toThrow("already frozen");
    const frozen = await deployGate(db, { service: "api", environment: "development" }, new Date());
    expect(frozen).toMatchObject({
      status: "closed",
      incidents: [],
      freezes: [{ frozenBy: "second@example.com", incidentNumber, reason: SECRET.freezeReason }],
    });

    await liftDeployFreeze(db, actors.second, { incidentNumber, environment: "development" }, when());
    expect((await deployGate(db, { service: "api", environment: "development" }, new Date())).status).toBe("clear");
    const incident = await db.incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    expect((await loadInternalEntries(db, incident.id)).filter((e) => e.kind.startsWith("deploy_")).map((e) => e.kind)).toEqual([
      "deploy_freeze",
      "deploy_unfreeze",
    ]);
  });

  it("no internal text appears in any public page, feed, API, the snapshot or a webhook payload", async () => {
    // A publish after the internal writes, so webhook payloads are made with them in the database.
    landed(await publishPost(db, actors.second, { incidentNumber, type: "update", body: "A fix is being deployed.", stateChanges: [] }, when()));
    const outputs = await publicOutputs(db, server.base, incidentNumber);

    // The outputs do show this incident (so the search looked in the right places)…
    expect(outputs.filter((output) => output.text.includes(PUBLIC_TEXT)).length).toBeGreaterThan(5);
    expect(outputs.some((output) => output.where.startsWith("webhook"))).toBe(true);
    // …and nothing internal.
    const leaks = leaksIn(outputs, Object.values(SECRET));
    expect(leaks).toEqual([]);
  });
});
