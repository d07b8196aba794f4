// Security findings of issue 12 on SQLite and PostgreSQL, through the write API's route handlers and
// the use-cases the forms call: a token acts with at most its creator's current role; an
// idempotency key belongs to one actor and one write; titles lose control and bidi characters.
import { describe, expect, it } from "vitest";
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import type { Actor } from "@/lib/auth/roles";
import { setRole } from "@/lib/auth/users";
import { scheduleMaintenance } from "@/lib/incidents/maintenance";
import { openIncident, publishPost } from "@/lib/incidents/publish";
import { openIncidentSchema } from "@/lib/validation/incidents";
import { landed, openProductionOutage } from "../support/publish-fixtures";
import { call, useWriteApiSite } from "../support/write-api";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");

describe.each(providers)("write security on $name", (provider) => {
  const site = useWriteApiSite(provider, () => T0);
  const { ids, actors, api } = site;
  let seq = 0;
  const openBody = (title = `Security ${++seq}`) => ({
    title,
    componentIds: ["production"],
    type: "investigating",
    body: "Looking.",
    stateChanges: [{ componentId: "production", state: "red" }],
  });

  describe("a token acts with at most its creator's current role", () => {
    async function adminWithToken(email: string) {
      const user = await site.db.user.create({ data: { email, role: "admin", passwordHash: "unused" } });
      const creator: Actor = { userId: user.id, label: email, role: "admin", ip: "198.51.100.2" };
      const { token, summary } = await createApiToken(site.db, creator, { name: `bot-${++seq}`, role: "admin" }, T0);
      return { email, token, tokenId: summary.id };
    }
    const publishWith = (token: string) => call(api.openIncident, { token, body: openBody() });
    const tokenRow = async (tokenId: number) => (await listApiTokens(site.db)).find((row) => row.id === tokenId)!;

    it("an admin demoted to viewer: their admin token can no longer publish (403); promoted again, it can", async () => {
      const owner = await adminWithToken(`demoted-${provider.name}@example.com`);
      expect((await publishWith(owner.token)).status).toBe(201);

      await setRole(site.db, actors.admin, owner.email, "viewer");
      const refused = await publishWith(owner.token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
      expect(await tokenRow(owner.tokenId)).toMatchObject({ role: "admin", effectiveRole: "viewer" });

      await setRole(site.db, actors.admin, owner.email, "admin");
      expect((await publishWith(owner.token)).status).toBe(201);
      expect(await tokenRow(owner.tokenId)).toMatchObject({ role: "admin", effectiveRole: "admin" });
    });

    it("an admin demoted to commander: their admin token acts as a commander", async () => {
      const owner = await adminWithToken(`commander-${provider.name}@example.com`);
      await setRole(site.db, actors.admin, owner.email, "commander");
      expect((await publishWith(owner.token)).status).toBe(201);
      expect(await tokenRow(owner.tokenId)).toMatchObject({ role: "admin", effectiveRole: "commander" });
    });

    it("a commander's token made as commander is not raised when its creator becomes admin", async () => {
      const user = await site.db.user.create({ data: { email: `raised-${provider.name}@example.com`, role: "admin", passwordHash: "unused" } });
      const creator: Actor = { userId: user.id, label: user.email, role: "admin", ip: "" };
      const { summary } = await createApiToken(site.db, creator, { name: `cmd-${++seq}`, role: "commander" }, T0);
      expect(await tokenRow(summary.id)).toMatchObject({ role: "commander", effectiveRole: "commander" });
    });
  });

  describe("idempotency keys are scoped by actor and write", () => {
    const KEY = "PD-ALERT-5555";

    it("a commander's form key does not swallow a token's API request with the same key: both land", async () => {
      const form = landed(
        await openIncident(site.db, actors.commander, openProductionOutage(ids.production, { title: "Commander's own", idempotencyKey: KEY }), { now: T0 }),
      );
      const { token } = await createApiToken(site.db, actors.admin, { name: `alerting-${++seq}`, role: "commander" }, T0);
      const viaApi = await call(api.openIncident, { token, body: openBody("Alert 5555"), headers: { "Idempotency-Key": KEY } });
      expect(viaApi.status).toBe(201);
      expect(viaApi.headers.get("Idempotent-Replayed")).toBeNull();
      expect(viaApi.body.incident.number).not.toBe(form.incidentNumber);
      expect(await site.db.incident.count({ where: { title: "Alert 5555" } })).toBe(1);
    });

    it("two commanders with the same form key each get their own incident; each one's retry replays their own", async () => {
      const key = `shared-key-${provider.name}`;
      const commanderA = actors.commander;
      const commanderB = actors.admin;
      const first = landed(
        await openIncident(site.db, commanderA, openProductionOutage(ids.production, { title: "From A", idempotencyKey: key }), { now: T0 }),
      );
      const second = landed(
        await openIncident(site.db, commanderB, openProductionOutage(ids.production, { title: "From B", idempotencyKey: key }), { now: T0 }),
      );
      expect(second.replayed).toBe(false);
      expect(second.incidentNumber).not.toBe(first.incidentNumber);
      const retryA = landed(
        await openIncident(site.db, commanderA, openProductionOutage(ids.production, { title: "From A", idempotencyKey: key }), { now: T0 }),
      );
      expect(retryA).toMatchObject({ incidentNumber: first.incidentNumber, replayed: true });
    });

    it("two tokens with the same Idempotency-Key each get their own write", async () => {
      const one = (await createApiToken(site.db, actors.admin, { name: `one-${++seq}`, role: "commander" }, T0)).token;
      const two = (await createApiToken(site.db, actors.admin, { name: `two-${++seq}`, role: "commander" }, T0)).token;
      const key = `token-key-${provider.name}`;
      const a = await call(api.openIncident, { token: one, body: openBody("Token one"), headers: { "Idempotency-Key": key } });
      const b = await call(api.openIncident, { token: two, body: openBody("Token two"), headers: { "Idempotency-Key": key } });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.incident.number).not.toBe(b.body.incident.number);
    });

    it("one commander's key used for updates to two incidents and for a maintenance lands each write", async () => {
      const key = `same-key-${provider.name}`;
      const first = landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.production, { title: "Incident one" }), { now: T0 }));
      const second = landed(await openIncident(site.db, actors.commander, openProductionOutage(ids.production, { title: "Incident two" }), { now: T0 }));
      const post = (incidentNumber: number) =>
        publishPost(site.db, actors.commander, { incidentNumber, type: "update", body: "Still on it.", stateChanges: [], idempotencyKey: key }, { now: T0 });
      const toFirst = landed(await post(first.incidentNumber));
      const toSecond = landed(await post(second.incidentNumber));
      expect(toSecond).toMatchObject({ incidentNumber: second.incidentNumber, replayed: false });
      expect(toSecond.postId).not.toBe(toFirst.postId);
      const window = {
        title: "Key reuse maintenance",
        componentIds: [ids.development],
        startsAt: new Date(T0.getTime() + 3_600_000),
        endsAt: new Date(T0.getTime() + 7_200_000),
        body: "Upgrade.",
        idempotencyKey: key,
      };
      expect(landed(await scheduleMaintenance(site.db, actors.commander, window, { now: T0 })).replayed).toBe(false);
    });
  });

  describe("control and bidi characters never reach a stored title", () => {
    it("a title with U+202E, NUL and BEL sent to the API is stored without them", async () => {
      const { token } = await createApiToken(site.db, actors.admin, { name: `bidi-${++seq}`, role: "commander" }, T0);
      const answer = await call(api.openIncident, {
        token,
        body: { ...openBody("Payments \u202Eelbaliava\u202C down\u0000\u0007"), body: "Line 1\r\nLine 2\u2028" },
      });
      expect(answer.status).toBe(201);
      const incident = await site.db.incident.findUniqueOrThrow({ where: { number: answer.body.incident.number }, include: { posts: true } });
      expect(incident.title).toBe("Payments elbaliava down");
      expect(incident.posts[0]!.body).toBe("Line 1\nLine 2");
    });

    it("the form path (the same schema and use-case) stores the cleaned title", async () => {
      const input = openIncidentSchema.parse({ title: "\u2066Checkout\u2069 slow\u001b", type: "issue", body: "", componentIds: [ids.production] });
      const outcome = landed(await openIncident(site.db, actors.commander, input, { now: T0 }));
      expect((await site.db.incident.findFirstOrThrow({ where: { number: outcome.incidentNumber } })).title).toBe("Checkout slow");
    });
  });
});
