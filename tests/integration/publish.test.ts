// The publish use-cases on SQLite and PostgreSQL: one transaction per publish, idempotency,
// resolvedAt from the timeline core, the confirm-the-diff check, revisions and the audit log.
import { describe, expect, it } from "vitest";
import { loadActiveIncidents, loadComponents, loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { PublishError } from "@/lib/incidents/errors";
import { openIncident, previewPublish, publishPost } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { currentStates } from "@/lib/timeline";
import { openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(providers)("publishing on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;

  const statesAt = async (now: Date) => currentStates(await loadActiveIncidents(site.db, now), await loadComponents(site.db), now);
  const published = (outcome: Awaited<ReturnType<typeof openIncident>>) => {
    if (outcome.status !== "published") throw new Error(`not published: ${outcome.reason}`);
    return outcome;
  };

  it("opens an incident with Production red in one step: post, state, links, audit, public views reloaded", async () => {
    let invalidations = 0;
    const stop = onPublicViewsInvalidated(() => invalidations++);
    const outcome = published(await openIncident(site.db, actors.commander, openProductionOutage(ids.production), { now: at(0) }));
    stop();
    expect(invalidations).toBe(1);
    expect((await statesAt(at(1))).get(ids.production)).toBe("red");
    const incident = await site.db.incident.findUnique({ where: { number: outcome.incidentNumber }, include: { components: true, posts: true } });
    expect(incident).toMatchObject({ title: "Elevated errors on Production", resolvedAt: null, openedAt: at(0) });
    expect(incident!.components.map((link) => link.componentId)).toEqual([ids.production]);
    expect(incident!.posts[0]).toMatchObject({ authorId: actors.commander.userId, authorName: "commander@example.com" });
    const audit = await site.db.auditEvent.findFirst({ where: { action: "incident.open", targetId: String(outcome.postId) } });
    expect(audit).toMatchObject({ actorId: actors.commander.userId, before: { open: false, components: { Production: "green" } } });
    expect(audit!.after).toMatchObject({ open: true, components: { Production: "red" }, post: { type: "investigating" } });
  });

  it("posts an Update and then Resolved; resolvedAt follows the timeline and the incident leaves the active list", async () => {
    const { incidentNumber } = published(
      await openIncident(site.db, actors.commander, openProductionOutage(ids.production, { title: "Git push failing" }), { now: at(10) }),
    );
    published(
      await publishPost(
        site.db,
        actors.commander,
        { incidentNumber, type: "update", body: "Fix deploying.", stateChanges: [{ componentId: ids.production, state: "yellow" }] },
        { now: at(20) },
      ),
    );
    expect((await statesAt(at(21))).get(ids.production)).toBe("red"); // the first incident is still red
    published(await publishPost(site.db, actors.commander, { incidentNumber, type: "resolved", body: "Fixed.", stateChanges: [] }, { now: at(30) }));
    expect((await site.db.incident.findUnique({ where: { number: incidentNumber } }))?.resolvedAt).toEqual(at(30));
    expect((await loadActiveIncidents(site.db, at(31))).map((incident) => incident.number)).not.toContain(incidentNumber);
  });

  it("lands a double-submitted publish once and returns the first result", async () => {
    const input = openProductionOutage(ids.development, { title: "Double click", idempotencyKey: "form-0001-double" });
    const [first, second] = await Promise.all([
      openIncident(site.db, actors.commander, input, { now: at(40) }),
      openIncident(site.db, actors.commander, input, { now: at(40) }),
    ]);
    const retry = await openIncident(site.db, actors.commander, input, { now: at(45) });
    expect(published(first).postId).toBe(published(second).postId);
    expect(published(retry)).toMatchObject({ postId: published(first).postId, replayed: true });
    expect(await site.db.incident.count({ where: { title: "Double click" } })).toBe(1);
    expect(await site.db.post.count({ where: { incident: { title: "Double click" } } })).toBe(1);
  });

  it("publishes only the diff that was confirmed, and warnings only with the extra tick", async () => {
    const input = openProductionOutage(ids.gitPush, { title: "Confirm me", body: "Errors on {component}", componentIds: [ids.gitPush] });
    const preview = await previewPublish(site.db, input, at(50));
    expect(preview.warnings.map((w) => w.code)).toEqual(["placeholder"]);
    const stale = await openIncident(site.db, actors.commander, input, {
      now: at(50),
      confirmation: { impactHash: "0".repeat(64), warningsAcknowledged: true },
    });
    expect(stale).toMatchObject({ status: "needs-confirmation", reason: "changed", impact: { hash: preview.hash } });
    const unticked = await openIncident(site.db, actors.commander, input, {
      now: at(50),
      confirmation: { impactHash: preview.hash, warningsAcknowledged: false },
    });
    expect(unticked).toMatchObject({ status: "needs-confirmation", reason: "warnings" });
    expect(await site.db.incident.count({ where: { title: "Confirm me" } })).toBe(0);
    published(await openIncident(site.db, actors.commander, input, { now: at(50), confirmation: { impactHash: preview.hash, warningsAcknowledged: true } }));
  });

  it("keeps a backdated post in its place and refuses one in the future", async () => {
    const { incidentNumber } = published(
      await openIncident(site.db, actors.commander, openProductionOutage(ids.development, { title: "Backdated", postedAt: at(55) }), { now: at(60) }),
    );
    expect((await site.db.incident.findUnique({ where: { number: incidentNumber } }))?.openedAt).toEqual(at(55));
    const future = publishPost(
      site.db,
      actors.commander,
      { incidentNumber, type: "update", body: "Soon", stateChanges: [], postedAt: at(70) },
      { now: at(60) },
    );
    await expect(future).rejects.toThrow(PublishError);
    await expect(
      publishPost(
        site.db,
        actors.commander,
        { incidentNumber, type: "update", body: "x", stateChanges: [{ componentId: 99_999, state: "red" }] },
        { now: at(60) },
      ),
    ).rejects.toMatchObject({ field: "stateChanges" });
    expect(await site.db.post.count({ where: { incident: { number: incidentNumber } } })).toBe(1);
  });

  it("keeps the previous text of an edited post as a revision, and audits it", async () => {
    const { incidentNumber, postId } = published(
      await openIncident(site.db, actors.commander, openProductionOutage(ids.development, { title: "Typo", body: "We are investigaitng." }), { now: at(80) }),
    );
    await editPost(site.db, actors.commander, { postId, body: "We are investigating." }, { now: at(81) });
    expect(await site.db.postRevision.findMany({ where: { postId }, select: { body: true, editorId: true } })).toEqual(
      [{ body: "We are investigaitng.", editorId: null }].map((r) => ({ ...r, editorId: actors.commander.userId })),
    );
    expect((await site.db.post.findUnique({ where: { id: postId } }))?.body).toBe("We are investigating.");
    expect(await site.db.auditEvent.findFirst({ where: { action: "post.edit", targetId: String(postId) } })).toMatchObject({
      before: { body: "We are investigaitng." },
      after: { incidentNumber, body: "We are investigating." },
    });
  });

  it("runs concurrent writes to one incident one after another: each diff starts where the previous left, and a racing Resolved stays resolved", async () => {
    const { incidentNumber } = published(
      await openIncident(site.db, actors.commander, openProductionOutage(ids.gitPush, { title: "Burst", componentIds: [ids.gitPush] }), { now: at(100) }),
    );
    const states = ["yellow", "red", "yellow", "red", "yellow", "red", "yellow", "red"] as const;
    // The updates are backdated before the Resolved, so whatever order they commit in the incident ends resolved.
    const updates = states.map((state, i) =>
      publishPost(
        site.db,
        actors.commander,
        { incidentNumber, type: "update", body: `Burst ${i}`, stateChanges: [{ componentId: ids.gitPush, state }], postedAt: at(101) },
        { now: at(110) },
      ),
    );
    const resolve = publishPost(
      site.db,
      actors.commander,
      { incidentNumber, type: "resolved", body: "Burst over", stateChanges: [{ componentId: ids.gitPush, state: "green" }] },
      { now: at(110) },
    );
    const outcomes = await Promise.all([...updates, resolve]);
    outcomes.forEach(published);
    expect((await site.db.incident.findUnique({ where: { number: incidentNumber } }))?.resolvedAt).toEqual(at(110));

    // In commit order, every write's "before" is the previous write's "after" (the audit records both).
    const postIds = outcomes.map((outcome) => String(published(outcome).postId));
    const audit = await site.db.auditEvent.findMany({ where: { action: "post.publish", targetId: { in: postIds } }, orderBy: { id: "asc" } });
    expect(audit).toHaveLength(states.length + 1);
    const gitPush = (value: unknown) => (value as { components: Record<string, string> }).components["Git push"];
    for (let i = 1; i < audit.length; i++) expect(gitPush(audit[i]!.before), `audit event ${i}`).toBe(gitPush(audit[i - 1]!.after));
  });

  it("soft-deletes a post with a reason; the timeline and resolvedAt follow", async () => {
    const { incidentNumber } = published(
      await openIncident(site.db, actors.commander, openProductionOutage(ids.development, { title: "Wrongly resolved" }), { now: at(90) }),
    );
    const resolved = published(
      await publishPost(site.db, actors.commander, { incidentNumber, type: "resolved", body: "Oops", stateChanges: [] }, { now: at(91) }),
    );
    await deletePost(site.db, actors.commander, { postId: resolved.postId, reason: "Resolved the wrong incident" }, { now: at(92) });
    expect(await site.db.post.findUnique({ where: { id: resolved.postId } })).toMatchObject({ deletedReason: "Resolved the wrong incident", body: "Oops" });
    expect((await site.db.incident.findUnique({ where: { number: incidentNumber } }))?.resolvedAt).toBeNull();
    expect((await loadIncidentByNumber(site.db, incidentNumber))?.posts).toHaveLength(1);
    const only = (await loadIncidentByNumber(site.db, incidentNumber))!.posts[0]!.id;
    await expect(deletePost(site.db, actors.commander, { postId: only, reason: "last one" }, { now: at(93) })).rejects.toMatchObject({ field: "postId" });
  });
});
