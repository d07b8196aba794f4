// Maintenance over the write API on SQLite and PostgreSQL: schedule, extend, end early and cancel
// go through the same use-cases as the admin forms, with 404/422 for the wrong target or window.
import { describe, expect, it } from "vitest";
import { call, useWriteApiSite } from "../support/write-api";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000).toISOString();

describe.each(providers)("maintenance over the write API on $name", (provider) => {
  let now = T0;
  const site = useWriteApiSite(provider, () => now);
  const { api, tokens } = site;

  const schedule = (startsIn: number, title = "Database upgrade") =>
    call(api.scheduleMaintenance, {
      token: tokens.commander,
      path: "/api/admin/maintenance",
      body: { title, componentIds: ["development", "git-push"], startsAt: at(startsIn), endsAt: at(startsIn + 1), body: "Short pauses are expected." },
    });
  const on = (handler: keyof typeof api, number: number, body: unknown) =>
    call(api[handler], { token: tokens.commander, params: { number: String(number) }, body });

  it("schedules a window (components by slug), extends it, and ends it early once it runs", async () => {
    const scheduled = await schedule(2);
    expect(scheduled.status).toBe(201);
    const number = scheduled.body.incident.number;
    const row = await site.db.incident.findUniqueOrThrow({ where: { number }, include: { components: true } });
    expect(row).toMatchObject({ kind: "maintenance", scheduledStartAt: new Date(at(2)), scheduledEndAt: new Date(at(3)) });
    expect(row.components).toHaveLength(2);
    // Like a post, the answer says what customers now see: blue during the window.
    expect(scheduled.body.impact).toMatchObject({ incident: "schedules", warnings: [] });
    expect(scheduled.body.impact.changes).toContainEqual({ component: "Development", before: "green", after: "blue", from: at(2), until: at(3) });

    const extended = await on("extendMaintenance", number, { endsAt: at(4) });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ incident: { number }, post: { id: expect.any(Number) }, impact: { incident: "extends" } });
    expect(extended.body.impact.changes).toContainEqual({ component: "Git push", before: "green", after: "blue", from: at(3), until: at(4) });
    expect((await site.db.incident.findUniqueOrThrow({ where: { number } })).scheduledEndAt).toEqual(new Date(at(4)));
    const tooEarly = await on("endMaintenance", number, { body: "Done." });
    expect(tooEarly.status).toBe(422);
    now = new Date(at(2.5));
    expect((await on("endMaintenance", number, { body: "Done early." })).status).toBe(200);
    expect(await site.db.auditEvent.count({ where: { actorLabel: "token:commander-bot", action: { startsWith: "maintenance." } } })).toBe(3);
  });

  it("cancels an upcoming window", async () => {
    const { body } = await schedule(10, "Network work");
    const cancelled = await on("cancelMaintenance", body.incident.number, { body: "Postponed." });
    expect(cancelled.status).toBe(200);
    expect((await site.db.post.findMany({ where: { incident: { number: body.incident.number } }, orderBy: { id: "asc" } })).map((post) => post.type)).toEqual([
      "scheduled",
      "resolved",
    ]);
  });

  it("answers 422 for a window that ends before it starts, and 404 for an incident or an unknown number", async () => {
    const backwards = await call(api.scheduleMaintenance, {
      token: tokens.commander,
      body: { title: "x", componentIds: ["development"], startsAt: at(5), endsAt: at(4), body: "x" },
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.error.fields).toHaveProperty("endsAt");
    const incident = await call(api.openIncident, { token: tokens.commander, body: { title: "Not maintenance", type: "issue", componentIds: ["production"] } });
    expect((await on("extendMaintenance", incident.body.incident.number, { endsAt: at(9) })).status).toBe(404);
    expect((await on("cancelMaintenance", 987654, { body: "x" })).status).toBe(404);
  });
});
