// Every write, for anonymous, viewer, commander and admin: refused with 401/403 and nothing written,
// or allowed. The admin forms, the write API and the CLI all call these same use-cases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { runAdminAction } from "@/lib/admin/action";
import { AccessDenied, authorize, type Actor, type Role } from "@/lib/auth/roles";
import { createUser, resetPassword, setRole } from "@/lib/auth/users";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { deletePost, editPost } from "@/lib/incidents/revise";
import { editPostSchema } from "@/lib/validation/incidents";
import { createActors, createComponents, openProductionOutage } from "../support/publish-fixtures";
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

  // Each action with the minimum role it needs; `run` makes a fresh target so every cell is independent.
  const actions: { name: string; minRole: Role; run(actor: Actor | null): Promise<unknown> }[] = [
    { name: "open an incident", minRole: "commander", run: (actor) => openIncident(db, actor, openProductionOutage(production, { title: `Matrix ${++seq}` }), { now: NOW }) },
    { name: "post an update", minRole: "commander", run: async (actor) => publishPost(db, actor, { incidentNumber: await freshIncident(), type: "update", body: "u", stateChanges: [] }, { now: NOW }) },
    { name: "edit a post", minRole: "commander", run: async (actor) => editPost(db, actor, { postId: await freshPost(), body: `edited ${++seq}` }, { now: NOW }) },
    { name: "delete a post", minRole: "commander", run: async (actor) => deletePost(db, actor, { postId: await freshPost(), reason: "matrix" }, { now: NOW }) },
    { name: "create a user", minRole: "admin", run: (actor) => createUser(db, actor, { email: `user${++seq}@example.com`, password: "long enough password", role: "viewer", name: "" }) },
    { name: "change a role", minRole: "admin", run: (actor) => setRole(db, actor, "viewer@example.com", "viewer") },
    { name: "reset a password", minRole: "admin", run: (actor) => resetPassword(db, actor, "viewer@example.com", "another long password") },
  ];

  async function freshIncident(): Promise<number> {
    const outcome = await openIncident(db, actors.admin, openProductionOutage(production, { title: `Target ${++seq}` }), { now: NOW });
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.incidentNumber;
  }
  async function freshPost(): Promise<number> {
    const number = await freshIncident();
    const outcome = await publishPost(db, actors.admin, { incidentNumber: number, type: "update", body: "second", stateChanges: [] }, { now: NOW });
    if (outcome.status !== "published") throw new Error("setup failed");
    return outcome.postId;
  }
  const writes = async () => (await db.post.count()) + (await db.user.count()) + (await db.postRevision.count()) + (await db.post.count({ where: { deletedAt: { not: null } } }));

  beforeAll(async () => {
    ({ db, close } = await openTestDatabase(provider));
    production = (await createComponents(db)).production;
    actors = await createActors(db);
  });
  afterAll(() => close?.());

  describe.each(actions)("$name", (action) => {
    it.each(WHO)("as %s", async (who) => {
      const expected = MIN_ROLE_OUTCOME[action.minRole][who];
      if (expected === "ok") {
        await expect(action.run(actorOf(who))).resolves.toBeDefined();
        return;
      }
      const before = await writes();
      const attempt = action.run(actorOf(who));
      await expect(attempt).rejects.toBeInstanceOf(AccessDenied);
      await expect(attempt).rejects.toMatchObject({ status: expected });
      // Setup for update/edit/delete ran as admin before the refusal; only the refused write is missing.
      const setupWrites = { "post an update": 1, "edit a post": 2, "delete a post": 2 }[action.name] ?? 0;
      expect(await writes()).toBe(before + setupWrites);
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
