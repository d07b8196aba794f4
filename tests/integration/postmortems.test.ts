// Postmortems on a real SQLite file and a real PostgreSQL database: the demo's published postmortem
// of #2105 is where customers look (its page, the incident page, the feeds, the Statuspage API, the
// snapshot); a draft or in-review postmortem, its internal notes and the internal lines it drops
// appear in no public output, snapshot or webhook; publishing lands only the text that was previewed;
// viewers and anonymous callers change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, type Actor } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import {
  addActionItem,
  movePostmortem,
  previewPostmortem,
  publishPostmortem,
  savePostmortem,
  setActionItemStatus,
  startPostmortem,
} from "@/lib/incidents/postmortems";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { loadPostmortemForAdmin } from "@/lib/postmortems/queries";
import { collectSnapshot } from "@/lib/snapshot/collect";
import { savePostmortemSchema } from "@/lib/validation/postmortems";
import { createActors, landed, openProductionOutage } from "../support/publish-fixtures";
import { type PublicServer, startPublicServer } from "../support/public-server";
import { type AppDatabase, openAppDatabase } from "../support/app-database";
import { providers } from "../support/test-databases";
import { leaksIn, publicOutputs } from "../support/public-outputs";

/** Distinctive text that must never be public. */
const SECRET = {
  draftSummary: "Zp-draft-summary: the edge proxies lost their certificates",
  internalNotes: "Zp-internal-notes: ask Ada about the runbook",
  internalEvent: "Zp-internal-event: rolled back build 7781 on host git-9",
  unconfirmedEdit: "Zp-unconfirmed-edit written after publishing",
  demoNotes: "ops review of September 7",
};
const PUBLISHED_SUMMARY = "Zp-published-summary: pushes failed because a certificate expired.";
const PUBLIC_TEXT = "Zp-public-post: pushes are failing.";

describe.each(providers)("postmortems on $name", (provider) => {
  let database: AppDatabase;
  let server: PublicServer;
  let db: Db;
  let actors: Awaited<ReturnType<typeof createActors>>;
  let incidentNumber = 0;

  const readPublicOutputs = () => publicOutputs(db, server.base, incidentNumber);

  const save = (actor: Actor | null, fields: Record<string, unknown>) => savePostmortem(db, actor, savePostmortemSchema.parse({ incidentNumber, ...fields }));

  beforeAll(async () => {
    database = await openAppDatabase(provider, { demo: true });
    db = database.db;
    server = await startPublicServer();
    actors = await createActors(db);
    await db.webhookEndpoint.create({ data: { name: "everything", url: "https://hooks.example.com/beacon", secret: "s", componentIds: [], events: [] } });
  });

  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it("shows the demo's published postmortem of #2105 on its page, linked from the incident, in the feeds, the Statuspage API and the snapshot", async () => {
    const page = await fetch(`${server.base}/incidents/2105/postmortem`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("Merge config and deploy into one step (done)");
    expect(html).toContain("why the system allowed a deploy while its configuration was not synchronized");
    expect(html).not.toContain(SECRET.demoNotes);
    expect(await (await fetch(`${server.base}/incidents/2105`)).text()).toContain('href="/incidents/2105/postmortem"');
    expect(await (await fetch(`${server.base}/history.atom`)).text()).toContain("/incidents/2105/postmortem</id>");
    const incidents = (await (await fetch(`${server.base}/api/v2/incidents.json`)).json()) as { incidents: { id: string; postmortem_published_at?: string }[] };
    expect(incidents.incidents.find((incident) => incident.id === "2105")?.postmortem_published_at).toBe("2020-09-08T16:00:00.000+00:00");
    expect((await collectSnapshot("site")).entries.map((entry) => entry.path)).toContain("/incidents/2105/postmortem");
    expect((await fetch(`${server.base}/incidents/386/postmortem`)).status).toBe(404);
  });

  it("viewers and anonymous callers cannot draft, edit, review, publish or add action items", async () => {
    const opened = landed(
      await openIncident(
        db,
        actors.commander,
        openProductionOutage((await db.component.findUniqueOrThrow({ where: { slug: "git-push" } })).id, {
          title: "Git pushes failing",
          type: "issue",
          body: PUBLIC_TEXT,
          stateChanges: [],
        }),
        { now: new Date() },
      ),
    );
    incidentNumber = opened.incidentNumber;
    for (const actor of [actors.viewer, null]) {
      const denied = new AccessDenied(actor ? 403 : 401);
      await expect(startPostmortem(db, actor, incidentNumber, new Date())).rejects.toEqual(denied);
      await expect(save(actor, { summary: "x" })).rejects.toEqual(denied);
      await expect(movePostmortem(db, actor, { incidentNumber, to: "in_review" })).rejects.toEqual(denied);
      await expect(publishPostmortem(db, actor, { incidentNumber, confirmedHash: "x" }, new Date())).rejects.toEqual(denied);
      await expect(addActionItem(db, actor, { incidentNumber, title: "x", owner: "", dueAt: "", url: "" })).rejects.toEqual(denied);
    }
    expect(await loadPostmortemForAdmin(db, incidentNumber)).toBeNull();
  });

  it("a draft and an in-review postmortem, its internal notes and dropped internal lines appear in no public output", async () => {
    const incident = await db.incident.findUniqueOrThrow({ where: { number: incidentNumber } });
    await db.incidentInternalEntry.create({
      data: { incidentId: incident.id, kind: "note", occurredAt: new Date(), authorLabel: "commander@example.com", body: SECRET.internalEvent },
    });
    await startPostmortem(db, actors.commander, incidentNumber, new Date());
    const draft = (await loadPostmortemForAdmin(db, incidentNumber))!;
    expect(draft.state).toBe("draft");
    expect(draft.impact).toContain("We posted 1 update");
    // The public post is kept; internal events (ours and the system's "published" line) start dropped.
    expect(draft.lines.filter((line) => line.source === "public_post").map((line) => [line.text, line.kept])).toEqual([[`Issue: ${PUBLIC_TEXT}`, true]]);
    const internal = draft.lines.filter((line) => line.source === "internal_event");
    expect(internal.map((line) => line.text)).toContain(SECRET.internalEvent);
    expect(internal.every((line) => !line.kept)).toBe(true);
    await save(actors.commander, {
      summary: SECRET.draftSummary,
      impact: draft.impact,
      internalNotes: SECRET.internalNotes,
      keep: draft.lines.filter((line) => line.kept).map((line) => String(line.id)),
    });
    await addActionItem(db, actors.commander, { incidentNumber, title: "Rotate certificates automatically", owner: "Edge team", dueAt: "", url: "" });
    // Publishing needs a review first.
    expect(() => previewPostmortem(draft)).toThrow("review");
    await expect(publishPostmortem(db, actors.commander, { incidentNumber, confirmedHash: "x" }, new Date())).rejects.toThrow("review");

    await movePostmortem(db, actors.commander, { incidentNumber, to: "in_review" });
    // A publish after the writes, so webhook payloads are made with the postmortem in the database.
    landed(await publishPost(db, actors.commander, { incidentNumber, type: "update", body: "A fix is rolling out.", stateChanges: [] }, { now: new Date() }));

    const outputs = await readPublicOutputs();
    expect(outputs.filter((output) => output.text.includes(PUBLIC_TEXT)).length).toBeGreaterThan(5);
    expect(outputs.find((output) => output.where.startsWith(`/incidents/${incidentNumber}/postmortem`))?.where).toContain("(404)");
    expect(leaksIn(outputs, Object.values(SECRET))).toEqual([]);
  });

  it("publishes only the previewed text: a stale confirmation publishes nothing, and later draft edits wait for another confirm", async () => {
    await save(actors.commander, { summary: PUBLISHED_SUMMARY, internalNotes: SECRET.internalNotes });
    const stale = await publishPostmortem(db, actors.commander, { incidentNumber, confirmedHash: "0".repeat(64) }, new Date());
    expect(stale.status).toBe("needs-confirmation");
    expect((await fetch(`${server.base}/incidents/${incidentNumber}/postmortem`)).status).toBe(404);

    const preview = previewPostmortem((await loadPostmortemForAdmin(db, incidentNumber))!);
    expect(preview.text).toContain(PUBLISHED_SUMMARY);
    expect(preview.text).toContain("- Rotate certificates automatically");
    const before = await db.webhookDelivery.count({ where: { event: "postmortem.published" } });
    expect(await publishPostmortem(db, actors.commander, { incidentNumber, confirmedHash: preview.hash }, new Date())).toEqual({ status: "published" });
    expect(await db.webhookDelivery.count({ where: { event: "postmortem.published" } })).toBe(before + 1);

    await save(actors.commander, { summary: SECRET.unconfirmedEdit, internalNotes: SECRET.internalNotes });
    const outputs = await readPublicOutputs();
    const page = outputs.find((output) => output.where.startsWith(`/incidents/${incidentNumber}/postmortem`))!;
    expect(page.where).toContain("(200)");
    expect(page.text).toContain(PUBLISHED_SUMMARY);
    for (const where of [`/history.atom`, `/api/v2/incidents.json`, `snapshot /incidents/${incidentNumber}/postmortem`, "webhook postmortem.published"]) {
      expect(outputs.find((output) => output.where.startsWith(where))?.text, where).toContain("Zp-published-summary");
    }
    expect(leaksIn(outputs, Object.values(SECRET))).toEqual([]);
  });

  it("closes an action item with its time; reopening clears it", async () => {
    const [item] = (await loadPostmortemForAdmin(db, incidentNumber))!.actionItems;
    const closedAt = new Date("2026-12-01T12:00:00Z");
    await setActionItemStatus(db, actors.commander, { id: item!.id, status: "done" }, closedAt);
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({ status: "done", closedAt });
    await setActionItemStatus(db, actors.commander, { id: item!.id, status: "open" }, new Date());
    expect(await db.actionItem.findUniqueOrThrow({ where: { id: item!.id } })).toMatchObject({ status: "open", closedAt: null });
  });
});
