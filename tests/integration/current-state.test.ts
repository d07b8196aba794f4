// Issue 16: every use-case that changes the timeline keeps the stored current state
// (ComponentCurrentState, Incident.resolvedAt) equal to what the timeline core reads off the whole
// timeline. Random seeded sequences of opens, publishes (some backdated), edits, deletes and
// maintenance schedule/extend/end/cancel, on SQLite and PostgreSQL; after every step the stored
// state is compared with a full recomputation, and the condensed reading with the whole one.
import { beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { seedDemo } from "@/lib/db/seed";
import { loadActiveIncidents, loadComponents, loadIncidentByNumber } from "@/lib/db/timeline-queries";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { loadCurrentIncidents } from "@/lib/incidents/current-state";
import { PublishError } from "@/lib/incidents/errors";
import { cancelMaintenance, endMaintenanceEarly, extendMaintenance, scheduleMaintenance } from "@/lib/incidents/maintenance";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { currentStates, incidentState, runningStates, type ComponentRow } from "@/lib/timeline";
import { createActors, usePublishingSite } from "../support/publish-fixtures";
import { seededRandom, type SeededRandom } from "../support/seeded-random";
import { openTestDatabase, providers } from "../support/test-databases";

const MINUTE = 60_000;
const STEPS = 60;
const SEEDS = [1, 2, 3];

/**
 * Every derived incident's stored state equals the timeline core's reading of its whole timeline as
 * of its last write (a maintenance window that simply runs out is not a write), and the condensed
 * reading gives the same current states as the whole one now and later.
 */
async function expectConsistent(db: Db, components: ComponentRow[], now: Date, label: string): Promise<void> {
  const rows = await db.incident.findMany({
    where: { deletedAt: null },
    include: { currentStates: { orderBy: { componentId: "asc" } } },
    orderBy: { number: "asc" },
  });
  for (const row of rows) {
    if (!row.currentStateAt) continue;
    const whole = (await loadIncidentByNumber(db, row.number))!;
    const stored = row.currentStates.map(({ componentId, state, since, postId }) => ({ componentId, state, since, postId }));
    expect(stored, `${label}: #${row.number} running states`).toEqual(runningStates(whole, row.currentStateAt));
    expect(row.resolvedAt, `${label}: #${row.number} resolvedAt`).toEqual(incidentState(whole, row.currentStateAt).endedAt);
  }
  for (const later of [0, 20, 90, 240].map((minutes) => new Date(now.getTime() + minutes * MINUTE))) {
    const condensed = currentStates(await loadCurrentIncidents(db, now), components, later);
    const recomputed = currentStates(await loadActiveIncidents(db, now), components, later);
    expect(Object.fromEntries(condensed), `${label}: states at ${later.toISOString()}`).toEqual(Object.fromEntries(recomputed));
  }
  // The admin forms' "now …" states come from the same stored reading.
  const whole = currentStates(await loadActiveIncidents(db, now), components, now);
  const forForms = await loadComponentStates(db, now);
  expect(Object.fromEntries(forForms.map(({ id, state }) => [id, state])), `${label}: the admin forms' states`).toEqual(Object.fromEntries(whole));
}

describe.each(providers)("the stored current state on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { actors } = site;
  let components: ComponentRow[];

  beforeAll(async () => {
    const extra = await site.db.component.create({
      data: { slug: "api", name: "API", parentId: (await site.db.component.findFirstOrThrow({ where: { slug: "development" } })).id },
    });
    expect(extra.id).toBeGreaterThan(0);
    components = await loadComponents(site.db);
  });

  it.each(SEEDS)("follows the timeline core through a random sequence of writes (seed %i)", async (seed) => {
    const random = seededRandom(seed);
    let clock = Date.UTC(2026, 10, 1 + seed * 10);
    const ids = components.map((component) => component.id);
    const stateChanges = (random: SeededRandom, states: readonly ("green" | "yellow" | "red")[]) =>
      ids.filter(() => random.chance(0.4)).map((componentId) => ({ componentId, state: random.pick(states) }));

    for (let step = 0; step < STEPS; step++) {
      clock += (1 + random.below(40)) * MINUTE;
      const now = new Date(clock);
      const open = await site.db.incident.findMany({ where: { kind: "incident", deletedAt: null }, select: { number: true }, orderBy: { number: "asc" } });
      const maintenance = await site.db.incident.findMany({ where: { kind: "maintenance", deletedAt: null, resolvedAt: null }, select: { number: true } });
      const choice = random.below(10);
      let action = "";
      try {
        if (open.length === 0 || choice === 0) {
          action = "open";
          await openIncident(
            site.db,
            actors.commander,
            {
              title: `Seed ${seed} step ${step}`,
              componentIds: [random.pick(ids)],
              type: "investigating",
              body: "Looking.",
              stateChanges: stateChanges(random, ["yellow", "red"]),
            },
            { now },
          );
        } else if (choice <= 4) {
          const backdated = random.chance(0.25);
          action = backdated ? "backdated post" : "post";
          await publishPost(
            site.db,
            actors.commander,
            {
              incidentNumber: random.pick(open).number,
              type: random.pick(["investigating", "issue", "update", "update", "resolved"] as const),
              body: `Step ${step}.`,
              stateChanges: stateChanges(random, ["green", "yellow", "red"]),
              postedAt: backdated ? new Date(clock - random.below(300) * MINUTE) : undefined,
            },
            { now },
          );
        } else if (choice === 5) {
          action = "schedule maintenance";
          const startsAt = new Date(clock + (random.below(120) - 30) * MINUTE);
          await scheduleMaintenance(
            site.db,
            actors.commander,
            {
              title: "Window",
              componentIds: [random.pick(ids)],
              startsAt,
              endsAt: new Date(startsAt.getTime() + (30 + random.below(120)) * MINUTE),
              body: "Upgrading.",
            },
            { now },
          );
        } else if (choice === 6 && maintenance.length > 0) {
          const incidentNumber = random.pick(maintenance).number;
          action = random.pick(["extend", "end early", "cancel"]);
          if (action === "extend")
            await extendMaintenance(
              site.db,
              actors.commander,
              { incidentNumber, endsAt: new Date(clock + (60 + random.below(120)) * MINUTE), body: "" },
              { now },
            );
          else if (action === "end early") await endMaintenanceEarly(site.db, actors.commander, { incidentNumber, body: "Done." }, { now });
          else await cancelMaintenance(site.db, actors.commander, { incidentNumber, body: "Not today." }, { now });
        } else {
          const posts = await site.db.post.findMany({ where: { deletedAt: null, incident: { kind: "incident" } }, select: { id: true } });
          const postId = random.pick(posts).id;
          action = choice === 7 ? "edit" : "delete";
          if (action === "edit") await editPost(site.db, actors.commander, { postId, body: `Edited at step ${step}.` }, { now });
          else await deletePost(site.db, actors.commander, { postId, reason: "Posted to the wrong incident." }, { now });
        }
      } catch (error) {
        // Refusals a person would get too (the only post of an incident, a maintenance already over, …).
        if (!(error instanceof PublishError)) throw error;
      }
      expect(await site.db.incident.count({ where: { currentStateAt: null } }), "every incident written by a use-case is derived").toBe(0);
      await expectConsistent(site.db, components, now, `seed ${seed} step ${step} (${action})`);
    }
  });

  it("derives the state of incidents written before it was stored (the demo seed) at the next publish", async () => {
    const now = new Date(Date.UTC(2026, 11, 1));
    await site.db.incident.updateMany({ data: { currentStateAt: null } });
    await site.db.componentCurrentState.deleteMany();
    const demo = await openTestDatabase(provider);
    try {
      await seedDemo(demo.db, { now });
      const demoComponents = await loadComponents(demo.db);
      expect(await demo.db.incident.count({ where: { currentStateAt: { not: null } } })).toBe(0);
      // Read before any write: the whole timelines, so nothing is stale in the meantime.
      const before = currentStates(await loadCurrentIncidents(demo.db, now), demoComponents, now);
      expect(Object.fromEntries(before)).toEqual(Object.fromEntries(currentStates(await loadActiveIncidents(demo.db, now), demoComponents, now)));
      const [target] = await loadActiveIncidents(demo.db, now);
      const actor = (await createActors(demo.db)).commander;
      if (target?.kind === "incident")
        await publishPost(demo.db, actor, { incidentNumber: target.number, type: "update", body: "Still on it.", stateChanges: [] }, { now });
      else
        await openIncident(
          demo.db,
          actor,
          { title: "New", componentIds: [demoComponents[0]!.id], type: "investigating", body: "Looking.", stateChanges: [] },
          { now },
        );
      const active = await loadActiveIncidents(demo.db, now);
      expect(await demo.db.incident.count({ where: { id: { in: active.map((incident) => incident.id) }, currentStateAt: null } })).toBe(0);
      await expectConsistent(demo.db, demoComponents, now, "demo seed");
    } finally {
      await demo.close();
    }
  });
});
