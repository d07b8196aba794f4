// Components, users, templates and settings on SQLite and PostgreSQL: the rules, and the audit
// event with before/after that every change writes.
import { describe, expect, it } from "vitest";
import { loadComponents } from "@/lib/db/timeline-queries";
import { loadActivePublicIncidents } from "@/lib/db/public-read";
import type { Actor } from "@/lib/auth/roles";
import { createUser, setDisabled, setRole } from "@/lib/auth/users";
import { createSession, findSession } from "@/lib/auth/session";
import { createComponent, moveComponent, updateComponent } from "@/lib/components/manage";
import { openIncident } from "@/lib/incidents/publish";
import { createTemplate, deleteTemplate, updateTemplate } from "@/lib/incidents/templates";
import { onPublicViewsInvalidated } from "@/lib/events/public-views";
import { staleAfterMinutes, updateSettings } from "@/lib/admin/settings";
import type { UpdateComponentInput } from "@/lib/validation/components";
import { loadEnv } from "@/lib/runtime/env";
import { openProductionOutage, usePublishingSite } from "../support/publish-fixtures";
import { providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T10:00:00Z");

describe.each(providers)("admin management on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { ids, actors } = site;

  const current = async (id: number): Promise<UpdateComponentInput> => {
    const row = await site.db.component.findUniqueOrThrow({ where: { id } });
    return { id, name: row.name, slug: row.slug, description: row.description, parentId: row.parentId, hidden: row.hidden };
  };

  describe("components", () => {
    it("adds a sub-component last under its system, with a slug made from the name", async () => {
      let invalidations = 0;
      const stop = onPublicViewsInvalidated(() => invalidations++);
      const created = await createComponent(site.db, actors.admin, { name: "Review apps", description: "", parentId: ids.development, hidden: false });
      stop();
      expect(invalidations).toBe(1);
      expect(created.slug).toBe("review-apps");
      expect(await site.db.component.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ parentId: ids.development, position: 0 });
      const second = await createComponent(site.db, actors.admin, {
        name: "Routing",
        slug: "routing",
        description: "",
        parentId: ids.production,
        hidden: false,
      });
      expect((await site.db.component.findUniqueOrThrow({ where: { id: second.id } })).position).toBe(1);
      expect(await site.db.auditEvent.findFirst({ where: { action: "component.create", targetId: String(created.id) } })).toMatchObject({
        after: { name: "Review apps", slug: "review-apps" },
      });
      await expect(createComponent(site.db, actors.admin, { name: "Routing", description: "", parentId: null, hidden: false })).rejects.toMatchObject({
        field: "slug",
      });
    });

    it("renames without touching the slug or history, and audits only what changed", async () => {
      const opened = await openIncident(site.db, actors.commander, openProductionOutage(ids.gitPush, { componentIds: [ids.gitPush] }), { now: NOW });
      if (opened.status !== "published") throw new Error("setup failed");
      await updateComponent(site.db, actors.admin, { ...(await current(ids.gitPush)), name: "Git push & builds" });
      expect(await site.db.component.findUniqueOrThrow({ where: { id: ids.gitPush } })).toMatchObject({ name: "Git push & builds", slug: "git-push" });
      const [incident] = (await loadActivePublicIncidents(site.db, NOW)).filter((candidate) => candidate.number === opened.incidentNumber);
      expect(incident!.componentIds).toEqual([ids.gitPush]);
      const audit = await site.db.auditEvent.findFirstOrThrow({
        where: { action: "component.update", targetId: String(ids.gitPush) },
        orderBy: { id: "desc" },
      });
      expect(audit.before).toEqual({ name: "Git push" });
      expect(audit.after).toEqual({ name: "Git push & builds" });
      await expect(updateComponent(site.db, actors.admin, await current(ids.gitPush))).rejects.toThrow("Nothing changed.");
    });

    it("changes the slug only when asked, and never to one in use", async () => {
      await updateComponent(site.db, actors.admin, { ...(await current(ids.gitPush)), slug: "git" });
      expect((await site.db.component.findUniqueOrThrow({ where: { id: ids.gitPush } })).slug).toBe("git");
      await expect(updateComponent(site.db, actors.admin, { ...(await current(ids.gitPush)), slug: "production" })).rejects.toMatchObject({ field: "slug" });
    });

    it("groups only under systems, so no cycle can be made", async () => {
      await expect(updateComponent(site.db, actors.admin, { ...(await current(ids.development)), parentId: ids.gitPush })).rejects.toMatchObject({
        field: "parentId",
      });
      await expect(updateComponent(site.db, actors.admin, { ...(await current(ids.production)), parentId: ids.development })).rejects.toThrow(
        /has sub-components/,
      );
      await expect(updateComponent(site.db, actors.admin, { ...(await current(ids.production)), parentId: ids.production })).rejects.toThrow(/its own system/);
      await updateComponent(site.db, actors.admin, { ...(await current(ids.gitPush)), parentId: ids.development });
      const components = await loadComponents(site.db);
      expect(components.find((component) => component.id === ids.gitPush)).toMatchObject({ parentId: ids.development, position: 1 });
    });

    it("reorders among siblings and hides", async () => {
      await moveComponent(site.db, actors.admin, { id: ids.development, direction: "up" });
      const systems = (await loadComponents(site.db)).filter((component) => component.parentId === null).map((component) => component.id);
      expect(systems).toEqual([ids.development, ids.production]);
      await expect(moveComponent(site.db, actors.admin, { id: ids.development, direction: "up" })).rejects.toThrow("It is already the first.");
      expect(await site.db.auditEvent.findFirst({ where: { action: "component.move" } })).toMatchObject({
        before: { order: [ids.production, ids.development] },
        after: { order: [ids.development, ids.production] },
      });
      await updateComponent(site.db, actors.admin, { ...(await current(ids.production)), hidden: true });
      expect((await loadComponents(site.db)).find((component) => component.id === ids.production)?.hidden).toBe(true);
    });
  });

  describe("users", () => {
    it("disables a user, ending their sessions, and enables them again", async () => {
      const user = await createUser(site.db, actors.admin, { email: "temp@example.com", password: "long enough password", role: "commander", name: "" });
      const token = await createSession(site.db, user.id, { ip: "", userAgent: "" }, NOW);
      await setDisabled(site.db, actors.admin, user.email, true, NOW);
      expect(await findSession(site.db, token, NOW)).toBeNull();
      expect((await site.db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toEqual(NOW);
      await setDisabled(site.db, actors.admin, user.email, false, NOW);
      expect((await site.db.user.findUniqueOrThrow({ where: { id: user.id } })).disabledAt).toBeNull();
      expect(
        (
          await site.db.auditEvent.findMany({ where: { targetId: String(user.id), action: { in: ["user.disable", "user.enable"] } }, orderBy: { id: "asc" } })
        ).map((event) => [event.action, event.after]),
      ).toEqual([
        ["user.disable", { disabled: true }],
        ["user.enable", { disabled: false }],
      ]);
    });

    it("never disables or demotes the last enabled admin, nor lets an admin disable themselves", async () => {
      await expect(setDisabled(site.db, actors.admin, "admin@example.com", true, NOW)).rejects.toThrow(/your own account/);
      const other = await createUser(site.db, actors.admin, { email: "second-admin@example.com", password: "long enough password", role: "admin", name: "" });
      const otherActor: Actor = { userId: other.id, label: other.email, role: "admin", ip: "" };
      await setDisabled(site.db, otherActor, "admin@example.com", true, NOW);
      await expect(setDisabled(site.db, actors.admin, other.email, true, NOW)).rejects.toThrow(/last admin/);
      await expect(setRole(site.db, actors.admin, other.email, "viewer")).rejects.toThrow(/last admin/);
      await setDisabled(site.db, otherActor, "admin@example.com", false, NOW);
    });
  });

  describe("templates", () => {
    const input = {
      name: "Elevated errors",
      title: "Elevated errors on {component}",
      postType: "investigating" as const,
      body: "Investigating {component}.",
      componentStates: [{ componentSlug: "production", state: "yellow" as const }],
    };

    it("creates, updates and deletes, each audited with before/after; names are unique", async () => {
      const { id } = await createTemplate(site.db, actors.commander, input);
      await expect(createTemplate(site.db, actors.commander, input)).rejects.toMatchObject({ field: "name" });
      await updateTemplate(site.db, actors.commander, { ...input, id, body: "Investigating errors on {component}." });
      expect((await site.db.incidentTemplate.findUniqueOrThrow({ where: { id } })).componentStates).toEqual(input.componentStates);
      await deleteTemplate(site.db, actors.commander, { id });
      expect(await site.db.incidentTemplate.count({ where: { id } })).toBe(0);
      const events = await site.db.auditEvent.findMany({ where: { targetType: "template", targetId: String(id) }, orderBy: { id: "asc" } });
      expect(events.map((event) => event.action)).toEqual(["template.create", "template.update", "template.delete"]);
      expect(events[1]).toMatchObject({ before: { body: "Investigating {component}." }, after: { body: "Investigating errors on {component}." } });
      expect(events[2]).toMatchObject({ before: { name: "Elevated errors" } });
    });

    it("refuses a component slug that does not exist", async () => {
      await expect(
        createTemplate(site.db, actors.commander, { ...input, name: "Other", componentStates: [{ componentSlug: "nope", state: "red" }] }),
      ).rejects.toMatchObject({ field: "componentStates" });
    });
  });

  describe("settings", () => {
    it("overrides the stale threshold, audits it, and falls back to the environment when cleared", async () => {
      const env = { ...loadEnv(), staleAfterMinutes: 30 };
      expect(await staleAfterMinutes(site.db, env)).toEqual({ minutes: 30, source: "default", defaultMinutes: 30 });
      await updateSettings(site.db, actors.admin, { staleAfterMinutes: 45 });
      expect(await staleAfterMinutes(site.db, env)).toMatchObject({ minutes: 45, source: "setting" });
      await expect(updateSettings(site.db, actors.admin, { staleAfterMinutes: 45 })).rejects.toThrow("Nothing changed.");
      await updateSettings(site.db, actors.admin, { staleAfterMinutes: null });
      expect((await staleAfterMinutes(site.db, env)).minutes).toBe(30);
      const events = await site.db.auditEvent.findMany({ where: { action: "setting.update" }, orderBy: { id: "asc" } });
      expect(events.map((event) => [event.before, event.after])).toEqual([
        [{ value: null }, { value: 45 }],
        [{ value: 45 }, { value: null }],
      ]);
    });
  });
});
