// Every write, for anonymous, viewer, commander and admin: refused with 401/403 and nothing written,
// or allowed. The admin forms, the write API and the CLI all call these same use-cases.
import { describe, expect, it } from "vitest";
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
import { landed, openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T10:00:00Z");
type Who = "anonymous" | Role;
const WHO: Who[] = ["anonymous", "viewer", "commander", "admin"];
const MIN_ROLE_OUTCOME: Record<Role, Record<Who, 401 | 403 | "ok">> = {
  viewer: { anonymous: 401, viewer: "ok", commander: "ok", admin: "ok" },
  commander: { anonymous: 401, viewer: 403, commander: "ok", admin: "ok" },
  admin: { anonymous: 401, viewer: 403, commander: 403, admin: "ok" },
};

describe.each(providers)("role matrix on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;
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
      run: (actor) => openIncident(site.db, actor, openProductionOutage(ids.production, { title: `Matrix ${++seq}` }), now),
    },
    {
      name: "post an update",
      minRole: "commander",
      setup: freshIncident,
      run: (actor, incidentNumber) => publishPost(site.db, actor, { incidentNumber, type: "update", body: "u", stateChanges: [] }, now),
    },
    { name: "edit a post", minRole: "commander", setup: freshPost, run: (actor, postId) => editPost(site.db, actor, { postId, body: `edited ${++seq}` }, now) },
    { name: "delete a post", minRole: "commander", setup: freshPost, run: (actor, postId) => deletePost(site.db, actor, { postId, reason: "matrix" }, now) },
    { name: "schedule maintenance", minRole: "commander", run: (actor) => scheduleMaintenance(site.db, actor, maintenanceWindow(60), now) },
    {
      name: "extend maintenance",
      minRole: "commander",
      setup: () => freshMaintenance(60),
      run: (actor, incidentNumber) => extendMaintenance(site.db, actor, { incidentNumber, endsAt: at(500), body: "" }, now),
    },
    {
      name: "end maintenance early",
      minRole: "commander",
      setup: () => freshMaintenance(-10),
      run: (actor, incidentNumber) => endMaintenanceEarly(site.db, actor, { incidentNumber, body: "Done." }, now),
    },
    {
      name: "cancel maintenance",
      minRole: "commander",
      setup: () => freshMaintenance(60),
      run: (actor, incidentNumber) => cancelMaintenance(site.db, actor, { incidentNumber, body: "Cancelled." }, now),
    },
    { name: "create a template", minRole: "commander", run: (actor) => createTemplate(site.db, actor, template(`Matrix ${++seq}`)) },
    {
      name: "update a template",
      minRole: "commander",
      setup: freshTemplate,
      run: (actor, id) => updateTemplate(site.db, actor, { ...template(`Renamed ${++seq}`), id }),
    },
    { name: "delete a template", minRole: "commander", setup: freshTemplate, run: (actor, id) => deleteTemplate(site.db, actor, { id }) },
    {
      name: "create a user",
      minRole: "admin",
      run: (actor) => createUser(site.db, actor, { email: `user${++seq}@example.com`, password: "long enough password", role: "viewer", name: "" }),
    },
    { name: "change a role", minRole: "admin", run: (actor) => setRole(site.db, actor, "viewer@example.com", "viewer") },
    { name: "reset a password", minRole: "admin", run: (actor) => resetPassword(site.db, actor, "viewer@example.com", "another long password") },
    { name: "disable a user", minRole: "admin", setup: freshUser, run: (actor, id) => setDisabled(site.db, actor, `user${id}@example.com`, true, NOW) },
    {
      name: "add a component",
      minRole: "admin",
      run: (actor) => createComponent(site.db, actor, { name: `Matrix ${++seq}`, description: "", parentId: ids.production, hidden: false }),
    },
    {
      name: "rename a component",
      minRole: "admin",
      run: (actor) =>
        updateComponent(site.db, actor, {
          id: ids.production,
          name: `Production ${++seq}`,
          slug: "production",
          description: "",
          parentId: null,
          hidden: false,
        }),
    },
    { name: "reorder components", minRole: "admin", setup: freshComponent, run: (actor, id) => moveComponent(site.db, actor, { id, direction: "up" }) },
    { name: "change a setting", minRole: "admin", run: (actor) => updateSettings(site.db, actor, { staleAfterMinutes: 10 + ++seq }) },
    {
      name: "change the working hours",
      minRole: "admin",
      run: (actor) => updateWorkingHours(site.db, actor, { timeZone: "UTC", days: [{ start: 0, end: 60 + ++seq }, null, null, null, null, null, null] }),
    },
  ];

  const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
  const maintenanceWindow = (startMinutes: number) => ({
    title: `Window ${++seq}`,
    componentIds: [ids.production],
    startsAt: at(startMinutes),
    endsAt: at(startMinutes + 120),
    body: "Work.",
  });
  const template = (name: string) => ({ name, title: "Errors on {component}", postType: "investigating" as const, body: "", componentStates: [] });
  async function freshMaintenance(startMinutes: number): Promise<number> {
    return landed(await scheduleMaintenance(site.db, actors.admin, maintenanceWindow(startMinutes), now)).incidentNumber;
  }
  async function freshTemplate(): Promise<number> {
    return (await createTemplate(site.db, actors.admin, template(`Target ${++seq}`))).id;
  }
  /** The last of at least two sub-components, so it can move up. */
  async function freshComponent(): Promise<number> {
    await createComponent(site.db, actors.admin, { name: `Sibling ${++seq}`, description: "", parentId: ids.production, hidden: false });
    return (await createComponent(site.db, actors.admin, { name: `Sibling ${++seq}`, description: "", parentId: ids.production, hidden: false })).id;
  }
  async function freshUser(): Promise<number> {
    const id = ++seq;
    await createUser(site.db, actors.admin, { email: `user${id}@example.com`, password: "long enough password", role: "viewer", name: "" });
    return id;
  }
  async function freshIncident(): Promise<number> {
    const outcome = await openIncident(site.db, actors.admin, openProductionOutage(ids.production, { title: `Target ${++seq}` }), now);
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.incidentNumber;
  }
  async function freshPost(): Promise<number> {
    const number = await freshIncident();
    const outcome = await publishPost(site.db, actors.admin, { incidentNumber: number, type: "update", body: "second", stateChanges: [] }, now);
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.postId;
  }
  // Every use-case writes an audit event with its change; the row counts catch a write without one.
  const writes = async () => [
    await site.db.auditEvent.count(),
    await site.db.post.count(),
    await site.db.incident.count(),
    await site.db.user.count(),
    await site.db.postRevision.count(),
    await site.db.component.count(),
    await site.db.incidentTemplate.count(),
    await site.db.setting.count(),
  ];

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
