// Every write, for anonymous, viewer, commander and admin: refused with 401/403 and nothing written,
// or allowed. The admin forms, the write API and the CLI all call these same use-cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { runAdminAction } from "@/lib/admin/action";
import { AccessDenied, authorize, type Actor, type Role } from "@/lib/auth/roles";
import { createUser, resetPassword, setDisabled, setRole } from "@/lib/auth/users";
import { createComponent, moveComponent, updateComponent } from "@/lib/components/manage";
import { cancelMaintenance, endMaintenanceEarly, extendMaintenance, scheduleMaintenance } from "@/lib/incidents/maintenance";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/incidents/templates";
import { updateSettings } from "@/lib/admin/settings";
import { updateWorkingHours } from "@/lib/admin/working-hours";
import { editPostSchema } from "@/lib/validation/incidents";
import { createActors, createComponents, landed, openProductionOutage } from "../support/publish-fixtures";
import { openTestDatabase, providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T10:00:00Z");
type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", "viewer", "commander", "admin"];
const MIN_ROLE_OUTCOME: Record<Role, Record<Who, 401 | 403 | "ok">> = {
  viewer: { anonymous: 401, viewer: "ok", commander: "ok", admin: "ok" },
  commander: { anonymous: 401, viewer: 403, commander: "ok", admin: "ok" },
  admin: { anonymous: 401, viewer: 403, commander: 403, admin: "ok" },
};

describe.each(providers)("role matrix on $name", (provider) => {
  let db: Db;
  let close: () => Promise<void>;
  let actors: Record<Role, Actor>;
  let production: number;
  let seq = 0;
  const actorOf = (who: Who) => (who === "anonymous" ? null : actors[who]);

  // Each action with the minimum role it needs; `setup` (run as admin, before counting) makes a fresh
  // target so every cell is independent.
  type Action = { name: string; minRole: Role; setup?: () => Promise<number>; run(actor: Actor | null, target: number): Promise<unknown> };
  const now = { now: NOW };
  const actions: Action[] = [
    {
      name: "open an incident",
      minRole: "commander",
      run: (actor) => openIncident(db, actor, openProductionOutage(production, { title: `Matrix ${++seq}` }), now),
    },
    {
      name: "post an update",
      minRole: "commander",
      setup: freshIncident,
      run: (actor, incidentNumber) => publishPost(db, actor, { incidentNumber, type: "update", body: "u", stateChanges: [] }, now),
    },
    { name: "edit a post", minRole: "commander", setup: freshPost, run: (actor, postId) => editPost(db, actor, { postId, body: `edited ${++seq}` }, now) },
    { name: "delete a post", minRole: "commander", setup: freshPost, run: (actor, postId) => deletePost(db, actor, { postId, reason: "matrix" }, now) },
    { name: "schedule maintenance", minRole: "commander", run: (actor) => scheduleMaintenance(db, actor, maintenanceWindow(60), now) },
    {
      name: "extend maintenance",
      minRole: "commander",
      setup: () => freshMaintenance(60),
      run: (actor, incidentNumber) => extendMaintenance(db, actor, { incidentNumber, endsAt: at(500), body: "" }, now),
    },
    {
      name: "end maintenance early",
      minRole: "commander",
      setup: () => freshMaintenance(-10),
      run: (actor, incidentNumber) => endMaintenanceEarly(db, actor, { incidentNumber, body: "Done." }, now),
    },
    {
      name: "cancel maintenance",
      minRole: "commander",
      setup: () => freshMaintenance(60),
      run: (actor, incidentNumber) => cancelMaintenance(db, actor, { incidentNumber, body: "Cancelled." }, now),
    },
    { name: "create a template", minRole: "commander", run: (actor) => createTemplate(db, actor, template(`Matrix ${++seq}`)) },
    {
      name: "update a template",
      minRole: "commander",
      setup: freshTemplate,
      run: (actor, id) => updateTemplate(db, actor, { ...template(`Renamed ${++seq}`), id }),
    },
    { name: "delete a template", minRole: "commander", setup: freshTemplate, run: (actor, id) => deleteTemplate(db, actor, { id }) },
    {
      name: "create a user",
      minRole: "admin",
      run: (actor) => createUser(db, actor, { email: `user${++seq}@example.com`, password: "long enough password", role: "viewer", name: "" }),
    },
    { name: "change a role", minRole: "admin", run: (actor) => setRole(db, actor, "viewer@example.com", "viewer") },
    { name: "reset a password", minRole: "admin", run: (actor) => resetPassword(db, actor, "viewer@example.com", "another long password") },
    { name: "disable a user", minRole: "admin", setup: freshUser, run: (actor, id) => setDisabled(db, actor, `user${id}@example.com`, true, NOW) },
    {
      name: "add a component",
      minRole: "admin",
      run: (actor) => createComponent(db, actor, { name: `Matrix ${++seq}`, description: "", parentId: production, hidden: false }),
    },
    {
      name: "rename a component",
      minRole: "admin",
      run: (actor) =>
        updateComponent(db, actor, { id: production, name: `Production ${++seq}`, slug: "production", description: "", parentId: null, hidden: false }),
    },
    { name: "reorder components", minRole: "admin", setup: freshComponent, run: (actor, id) => moveComponent(db, actor, { id, direction: "up" }) },
    { name: "change a setting", minRole: "admin", run: (actor) => updateSettings(db, actor, { staleAfterMinutes: 10 + ++seq }) },
    {
      name: "change the working hours",
      minRole: "admin",
      run: (actor) => updateWorkingHours(db, actor, { timeZone: "UTC", days: [{ start: 0, end: 60 + ++seq }, null, null, null, null, null, null] }),
    },
  ];

  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const maintenanceWindow = (startMinutes: number) => ({
    title: `Window ${++seq}`,
    componentIds: [production],
    startsAt: at(startMinutes),
    endsAt: at(startMinutes + 120),
    body: "Work.",
  });
  const template = (name: string) => ({ name, title: "Errors on {component}", postType: "investigating" as const, body: "", componentStates: [] });
  async function freshMaintenance(startMinutes: number): Promise<number> {
    return landed(await scheduleMaintenance(db, actors.admin, maintenanceWindow(startMinutes), now)).incidentNumber;
  }
  async function freshTemplate(): Promise<number> {
    return (await createTemplate(db, actors.admin, template(`Target ${++seq}`))).id;
  }
  /** The last of at least two sub-components, so it can move up. */
  async function freshComponent(): Promise<number> {
    await createComponent(db, actors.admin, { name: `Sibling ${++seq}`, description: "", parentId: production, hidden: false });
    return (await createComponent(db, actors.admin, { name: `Sibling ${++seq}`, description: "", parentId: production, hidden: false })).id;
  }
  async function freshUser(): Promise<number> {
    const id = ++seq;
    await createUser(db, actors.admin, { email: `user${id}@example.com`, password: "long enough password", role: "viewer", name: "" });
    return id;
  }
  async function freshIncident(): Promise<number> {
    const outcome = await openIncident(db, actors.admin, openProductionOutage(production, { title: `Target ${++seq}` }), now);
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.incidentNumber;
  }
  async function freshPost(): Promise<number> {
    const number = await freshIncident();
    const outcome = await publishPost(db, actors.admin, { incidentNumber: number, type: "update", body: "second", stateChanges: [] }, now);
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.postId;
  }
  // Every use-case writes an audit event with its change; the row counts catch a write without one.
  const writes = async () => [
    await db.auditEvent.count(),
    await db.post.count(),
    await db.incident.count(),
    await db.user.count(),
    await db.postRevision.count(),
    await db.component.count(),
    await db.incidentTemplate.count(),
    await db.setting.count(),
  ];

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(provider));
    production = (await createComponents(db)).production;
    actors = await createActors(db);
  });
  afterAll(() => close?.());

  describe.each(actions)("$name", (action) => {
    it.each(WHO)("as %s", async (who) => {
      const expected = MIN_ROLE_OUTCOME[action.minRole][who];
      const target = (await action.setup?.()) ?? 0;
      const before = await writes();
      const attempt = action.run(actorOf(who), target);
      if (expected === "ok") {
        await attempt;
        expect(await writes()).not.toEqual(before);
        return;
      }
      await expect(attempt).rejects.toBeInstanceOf(AccessDenied);
      await expect(attempt).rejects.toMatchObject({ status: expected });
      expect(await writes()).toEqual(before);
    });
  });

  it("refuses a server action before validating or running it", async () => {
    let ran = false;
    const definition = { role: "commander" as const, schema: editPostSchema, run: async () => ((ran = true), { status: "ok" as const }) };
    const form = new FormData();
    form.set("postId", "1");
    form.set("body", "text");
    for (const who of WHO) {
      ran = false;
      const state = await runAdminAction(definition, async (minRole) => authorize(actorOf(who), minRole), form);
      const refused = ({ anonymous: 401, viewer: 403 } as Record<Who, number | undefined>)[who];
      expect(state.code).toBe(refused);
      expect(ran).toBe(refused === undefined);
    }
  });
});
