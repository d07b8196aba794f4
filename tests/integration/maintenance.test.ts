// Scheduled maintenance on SQLite and PostgreSQL: announced as upcoming, blue at the window start
// and complete at its end with no manual step; extended, ended early or cancelled; always audited.
import { describe, expect, it } from "vitest";
import { loadActiveIncidents, loadComponents, loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { loadActivePublicIncidents } from "@/lib/db/public-read";
import { PublishError } from "@/lib/incidents/errors";
import {
  cancelMaintenance,
  endMaintenanceEarly,
  extendMaintenance,
  previewMaintenance,
  publishMaintenance,
  scheduleMaintenance,
} from "@/lib/incidents/maintenance";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { currentStates, maintenanceStatus } from "@/lib/timeline";
import type { ScheduleMaintenanceInput } from "@/lib/validation/maintenance";
import { landed, usePublishingSite } from "../support/publish-fixtures";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

describe.each(providers)("maintenance on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;
  let seq = 0;

  const window = (startMinutes: number, endMinutes: number, overrides: Partial<ScheduleMaintenanceInput> = {}): ScheduleMaintenanceInput => ({
    title: `Git push maintenance ${++seq}`,
    componentIds: [ids.gitPush],
    startsAt: at(startMinutes),
    endsAt: at(endMinutes),
    body: "We are upgrading the build servers.",
    ...overrides,
  });
  const stateAt = async (now: Date, componentId = ids.gitPush) =>
    currentStates(await loadActiveIncidents(site.db, now), await loadComponents(site.db), now).get(componentId);
  const statusAt = async (number: number, now: Date) => maintenanceStatus((await loadIncidentByNumber(site.db, number))!, now);
  const row = (number: number) => site.db.incident.findUniqueOrThrow({ where: { number } });

  it("is upcoming when announced, turns blue at the window start and completes at its end with no manual step", async () => {
    let invalidations = 0;
    const stop = onPublicViewsInvalidated(() => invalidations++);
    const { incidentNumber, postId } = landed(await scheduleMaintenance(site.db, actors.commander, window(60, 180), { now: T0 }));
    stop();
    expect(invalidations).toBe(1);
    expect(await row(incidentNumber)).toMatchObject({ kind: "maintenance", openedAt: T0, resolvedAt: null, scheduledStartAt: at(60), scheduledEndAt: at(180) });
    expect(await site.db.post.findUniqueOrThrow({ where: { id: postId }, include: { stateChanges: true } })).toMatchObject({
      type: "scheduled",
      authorName: "commander@example.com",
      stateChanges: [{ componentId: ids.gitPush, state: "blue" }],
    });

    expect(await statusAt(incidentNumber, at(30))).toBe("upcoming");
    expect(await stateAt(at(30))).toBe("green");
    expect((await loadActivePublicIncidents(site.db, at(30))).map((incident) => incident.number)).toContain(incidentNumber);

    expect(await statusAt(incidentNumber, at(61))).toBe("in_progress");
    expect(await stateAt(at(61))).toBe("blue");
    expect(await stateAt(at(61), ids.production)).toBe("blue");

    expect(await statusAt(incidentNumber, at(181))).toBe("completed");
    expect(await stateAt(at(181))).toBe("green");
    expect((await loadActivePublicIncidents(site.db, at(181))).map((incident) => incident.number)).not.toContain(incidentNumber);
    expect((await row(incidentNumber)).resolvedAt).toBeNull();

    const audit = await site.db.auditEvent.findFirstOrThrow({ where: { action: "maintenance.schedule", targetId: String(postId) } });
    expect(audit).toMatchObject({ actorId: actors.commander.userId, after: { incidentNumber, startsAt: at(60).toISOString(), endsAt: at(180).toISOString() } });
  });

  it("extends the window with an Update post; the new end is when it completes", async () => {
    const { incidentNumber } = landed(await scheduleMaintenance(site.db, actors.commander, window(0, 60), { now: T0 }));
    await extendMaintenance(site.db, actors.commander, { incidentNumber, endsAt: at(120), body: "" }, { now: at(30) });
    expect(await stateAt(at(90))).toBe("blue");
    expect(await statusAt(incidentNumber, at(121))).toBe("completed");
    const posts = await site.db.post.findMany({ where: { incident: { number: incidentNumber } }, orderBy: { id: "asc" } });
    expect(posts.map((post) => post.type)).toEqual(["scheduled", "update"]);
    expect(posts[1]!.body).toBe("The maintenance window has been extended until Nov 22, 2026 12:00 UTC.");
    const audit = await site.db.auditEvent.findFirstOrThrow({ where: { action: "maintenance.extend", targetId: String(posts[1]!.id) } });
    expect(audit).toMatchObject({ before: { endsAt: at(60).toISOString() }, after: { endsAt: at(120).toISOString() } });

    await expect(extendMaintenance(site.db, actors.commander, { incidentNumber, endsAt: at(100), body: "" }, { now: at(40) })).rejects.toThrow(
      /later than the current end/,
    );
    await expect(extendMaintenance(site.db, actors.commander, { incidentNumber, endsAt: at(300), body: "" }, { now: at(130) })).rejects.toThrow(
      /already completed/,
    );
  });

  it("ends early with a Resolved post: green at once, resolvedAt set, no longer active", async () => {
    // Development: the other tests' windows cover Git push.
    const { incidentNumber } = landed(await scheduleMaintenance(site.db, actors.commander, window(0, 120, { componentIds: [ids.development] }), { now: T0 }));
    expect(await stateAt(at(40), ids.development)).toBe("blue");
    await expect(cancelMaintenance(site.db, actors.commander, { incidentNumber, body: "Cancelled." }, { now: at(10) })).rejects.toThrow(/already started/);
    await endMaintenanceEarly(site.db, actors.commander, { incidentNumber, body: "Done ahead of time." }, { now: at(45) });
    expect((await row(incidentNumber)).resolvedAt).toEqual(at(45));
    expect(await statusAt(incidentNumber, at(46))).toBe("completed");
    expect(await stateAt(at(46), ids.development)).toBe("green");
    expect((await loadActiveIncidents(site.db, at(46))).map((incident) => incident.number)).not.toContain(incidentNumber);
    const audit = await site.db.auditEvent.findFirstOrThrow({ where: { action: "maintenance.end_early" } });
    expect(audit).toMatchObject({ before: { status: "in_progress" }, after: { incidentNumber, status: "completed", endedAt: at(45).toISOString() } });
  });

  it("cancels an upcoming maintenance: it leaves the upcoming list and never turns anything blue", async () => {
    const { incidentNumber } = landed(await scheduleMaintenance(site.db, actors.commander, window(600, 660), { now: T0 }));
    await expect(endMaintenanceEarly(site.db, actors.commander, { incidentNumber, body: "Done." }, { now: at(10) })).rejects.toThrow(/not started yet/);
    await cancelMaintenance(site.db, actors.commander, { incidentNumber, body: "This maintenance has been cancelled." }, { now: at(10) });
    expect((await row(incidentNumber)).resolvedAt).toEqual(at(10));
    expect((await loadActivePublicIncidents(site.db, at(11))).map((incident) => incident.number)).not.toContain(incidentNumber);
    expect(await stateAt(at(630))).toBe("green");
    expect(await site.db.auditEvent.count({ where: { action: "maintenance.cancel" } })).toBe(1);
  });

  it("refuses a window that is already over, unknown components, and a non-maintenance number, writing nothing", async () => {
    const before = await site.db.incident.count();
    await expect(scheduleMaintenance(site.db, actors.commander, window(-120, -60), { now: T0 })).rejects.toMatchObject({ field: "endsAt" });
    await expect(scheduleMaintenance(site.db, actors.commander, window(10, 20, { componentIds: [9999] }), { now: T0 })).rejects.toMatchObject({
      field: "componentIds",
    });
    await expect(extendMaintenance(site.db, actors.commander, { incidentNumber: 9999, endsAt: at(60), body: "" }, { now: T0 })).rejects.toBeInstanceOf(
      PublishError,
    );
    expect(await site.db.incident.count()).toBe(before);
  });

  it("lands a double-submitted schedule once", async () => {
    const input = window(100, 200, { idempotencyKey: "maint-form-0001" });
    const [first, second] = (
      await Promise.all([
        scheduleMaintenance(site.db, actors.commander, input, { now: T0 }),
        scheduleMaintenance(site.db, actors.commander, input, { now: T0 }),
      ])
    ).map(landed);
    expect(first!.postId).toBe(second!.postId);
    expect(await site.db.incident.count({ where: { title: input.title } })).toBe(1);
  });

  describe("preview and confirm, as the admin forms do", () => {
    const counts = async () => [await site.db.incident.count(), await site.db.post.count(), await site.db.auditEvent.count()];

    it("previews without writing, publishes the confirmed diff, and refuses (re-showing it) when something changed since", async () => {
      // Development: a component no other test schedules on.
      const input = window(24 * 60, 24 * 60 + 120, { componentIds: [ids.development], title: "Development upgrade" });
      const before = await counts();
      const preview = await previewMaintenance(site.db, { action: "schedule", input }, T0);
      expect(await counts()).toEqual(before);
      expect(preview.changes.find((change) => change.name === "Development")).toMatchObject({
        before: "green",
        after: "blue",
        window: { start: input.startsAt, end: input.endsAt },
      });
      expect(preview.announcements).toContain("A new event in the maintenance calendar /maintenance.ics");
      expect(preview.warnings).toEqual([]);

      // Meanwhile another commander schedules overlapping work on the same component.
      landed(
        await scheduleMaintenance(site.db, actors.admin, window(24 * 60 + 60, 24 * 60 + 180, { componentIds: [ids.development], title: "Other work" }), {
          now: T0,
        }),
      );
      const afterOther = await counts();
      const stale = await scheduleMaintenance(site.db, actors.commander, input, {
        now: T0,
        confirmation: { impactHash: preview.hash, warningsAcknowledged: false },
      });
      expect(stale).toMatchObject({ status: "needs-confirmation", reason: "changed" });
      if (stale.status !== "needs-confirmation") throw new Error("unreachable");
      expect(stale.impact.warnings.map((warning) => warning.code)).toEqual(["maintenance-overlap"]);
      expect(await counts()).toEqual(afterOther);

      const unticked = await scheduleMaintenance(site.db, actors.commander, input, {
        now: T0,
        confirmation: { impactHash: stale.impact.hash, warningsAcknowledged: false },
      });
      expect(unticked).toMatchObject({ status: "needs-confirmation", reason: "warnings" });
      expect(await counts()).toEqual(afterOther);

      const published = landed(
        await scheduleMaintenance(site.db, actors.commander, input, { now: T0, confirmation: { impactHash: stale.impact.hash, warningsAcknowledged: true } }),
      );
      expect(published.impact?.hash).toBe(stale.impact.hash);
      expect(await row(published.incidentNumber)).toMatchObject({ title: "Development upgrade", scheduledStartAt: input.startsAt });
    });

    it("extends and cancels only the previewed change", async () => {
      const { incidentNumber } = landed(
        await scheduleMaintenance(site.db, actors.commander, window(48 * 60, 48 * 60 + 60, { componentIds: [ids.development] }), { now: T0 }),
      );
      const extend = { action: "extend" as const, input: { incidentNumber, endsAt: at(48 * 60 + 120), body: "" } };
      const preview = await previewMaintenance(site.db, extend, T0);
      expect(preview.post.body).toBe("The maintenance window has been extended until Nov 24, 2026 12:00 UTC.");
      expect(preview.changes.find((change) => change.name === "Development")).toMatchObject({
        before: "green",
        after: "blue",
        window: { start: at(48 * 60 + 60), end: at(48 * 60 + 120) },
      });
      landed(await publishMaintenance(site.db, actors.commander, extend, { now: T0, confirmation: { impactHash: preview.hash, warningsAcknowledged: false } }));
      expect((await row(incidentNumber)).scheduledEndAt).toEqual(at(48 * 60 + 120));

      const cancel = { action: "cancel" as const, input: { incidentNumber, body: "Postponed." } };
      const cancelPreview = await previewMaintenance(site.db, cancel, at(10));
      expect(cancelPreview.changes.find((change) => change.name === "Development")).toMatchObject({ before: "blue", after: "green" });
      // The window moved again after the preview: the cancel is shown again, not applied.
      await extendMaintenance(site.db, actors.commander, { incidentNumber, endsAt: at(48 * 60 + 180), body: "" }, { now: at(5) });
      const again = await publishMaintenance(site.db, actors.commander, cancel, {
        now: at(10),
        confirmation: { impactHash: cancelPreview.hash, warningsAcknowledged: false },
      });
      expect(again).toMatchObject({ status: "needs-confirmation", reason: "changed" });
      expect(maintenanceStatus((await loadIncidentByNumber(site.db, incidentNumber))!, at(11))).toBe("upcoming");
    });

    it("refuses in the preview what it would refuse to publish", async () => {
      await expect(previewMaintenance(site.db, { action: "schedule", input: window(-120, -60) }, T0)).rejects.toMatchObject({ field: "endsAt" });
      await expect(previewMaintenance(site.db, { action: "end_early", input: { incidentNumber: 987654, body: "x" } }, T0)).rejects.toBeInstanceOf(PublishError);
    });
  });
});
