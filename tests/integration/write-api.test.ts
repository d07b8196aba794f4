// The write API on SQLite and PostgreSQL, through its route handlers: who may call each endpoint,
// what bad input gets back, and Idempotency-Key replays and conflicts.
import { describe, expect, it } from "vitest";
import { LAST_USED_EVERY_MS } from "@/lib/auth/api-tokens";
import { MAX_BODY_BYTES } from "@/lib/api/http";
import { call, type Handler, useWriteApiSite } from "../support/write-api";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");

describe.each(providers)("write API on $name", (provider) => {
  let now = T0;
  const site = useWriteApiSite(provider, () => now);
  const { tokens, api } = site;
  let seq = 0;

  const openBody = (title = `API incident ${++seq}`) => ({
    title,
    componentIds: ["production"],
    type: "investigating",
    body: "Looking.",
    stateChanges: [{ componentId: "production", state: "red" }],
  });
  async function freshIncident(): Promise<number> {
    const opened = await call(api.openIncident, { token: tokens.admin, body: openBody() });
    return opened.body.incident.number;
  }
  async function freshPost(): Promise<{ number: number; id: number }> {
    const number = await freshIncident();
    const posted = await call(api.postUpdate, {
      token: tokens.admin,
      path: `/api/admin/incidents/${number}/posts`,
      params: { number: String(number) },
      body: { type: "update", body: "second" },
    });
    return { number, id: posted.body.post.id };
  }

  describe("auth matrix", () => {
    const endpoints: { name: string; handler: () => Handler; request: () => Promise<{ params?: Record<string, string>; body: unknown; method?: string }> }[] = [
      { name: "POST /incidents", handler: () => api.openIncident, request: async () => ({ body: openBody() }) },
      {
        name: "POST /incidents/:n/posts",
        handler: () => api.postUpdate,
        request: async () => ({ params: { number: String(await freshIncident()) }, body: { type: "update", body: "u" } }),
      },
      {
        name: "PATCH /incidents/:n/posts/:id",
        handler: () => api.editPost,
        request: async () => {
          const post = await freshPost();
          return { method: "PATCH", params: { number: String(post.number), id: String(post.id) }, body: { body: `edited ${++seq}` } };
        },
      },
      {
        name: "DELETE /incidents/:n/posts/:id",
        handler: () => api.deletePost,
        request: async () => {
          const post = await freshPost();
          return { method: "DELETE", params: { number: String(post.number), id: String(post.id) }, body: { reason: "duplicate" } };
        },
      },
      {
        name: "POST /maintenance",
        handler: () => api.scheduleMaintenance,
        request: async () => ({
          body: {
            title: `Upgrade ${++seq}`,
            componentIds: ["development"],
            startsAt: "2026-11-23T10:00:00Z",
            endsAt: "2026-11-23T11:00:00Z",
            body: "DB upgrade.",
          },
        }),
      },
    ];
    const WHO = { none: 401, bad: 401, revoked: 401, viewer: 403, commander: "ok", admin: "ok" } as const;
    const tokenOf = (who: keyof typeof WHO) => (who === "none" ? null : who === "bad" ? `bcn_${"x".repeat(43)}` : tokens[who]);

    describe.each(endpoints)("$name", (endpoint) => {
      it.each(Object.keys(WHO) as (keyof typeof WHO)[])("with %s token", async (who) => {
        const request = await endpoint.request();
        const postsBefore = await site.db.post.count({ where: { deletedAt: null } });
        const response = await call(endpoint.handler(), { token: tokenOf(who), ...request });
        const expected = WHO[who];
        if (expected === "ok") {
          expect([200, 201]).toContain(response.status);
          return;
        }
        expect(response.status).toBe(expected);
        expect(response.body.error.code).toBe(expected === 401 ? "unauthorized" : "forbidden");
        if (expected === 401) expect(response.headers.get("www-authenticate")).toBe('Bearer realm="beacon"');
        expect(await site.db.post.count({ where: { deletedAt: null } })).toBe(postsBefore);
      });
    });
  });

  it("publishes like the form: the audit event names the token, the post its author, lastUsedAt is throttled", async () => {
    now = new Date(T0.getTime() + 10 * LAST_USED_EVERY_MS);
    const response = await call(api.openIncident, { token: tokens.commander, body: openBody("Elevated errors") });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      incident: { url: `https://status.example.com/incidents/${response.body.incident.number}` },
      impact: { incident: "opens" },
    });
    const audit = await site.db.auditEvent.findFirst({ where: { action: "incident.open", targetId: String(response.body.post.id) } });
    expect(audit).toMatchObject({ actorLabel: "token:commander-bot" });
    expect(await site.db.post.findUnique({ where: { id: response.body.post.id } })).toMatchObject({ authorName: "token:commander-bot" });
    const used = await site.db.apiToken.findFirst({ where: { name: "commander-bot" } });
    expect(used?.lastUsedAt).toEqual(now);
    now = new Date(now.getTime() + 1_000);
    await call(api.openIncident, { token: tokens.commander, body: openBody() });
    expect((await site.db.apiToken.findFirst({ where: { name: "commander-bot" } }))?.lastUsedAt).toEqual(used?.lastUsedAt);
  });

  describe("bad input", () => {
    const cases: { name: string; options: Parameters<typeof call>[1]; status: number; code: string; fields?: string[] }[] = [
      {
        name: "wrong types",
        options: { body: { ...openBody(), title: 42, componentIds: "production" } },
        status: 422,
        code: "invalid_input",
        fields: ["title", "componentIds"],
      },
      { name: "an unknown field", options: { body: { ...openBody(), severity: "high" } }, status: 422, code: "invalid_input", fields: ["severity"] },
      {
        name: "an unknown field in a state change",
        options: { body: { ...openBody(), stateChanges: [{ componentId: "production", state: "red", note: 1 }] } },
        status: 422,
        code: "invalid_input",
        fields: ["stateChanges.0.note"],
      },
      { name: "an unknown post type", options: { body: { ...openBody(), type: "panic" } }, status: 422, code: "invalid_input", fields: ["type"] },
      { name: "an empty title", options: { body: { ...openBody(), title: "  " } }, status: 422, code: "invalid_input", fields: ["title"] },
      {
        name: "an unknown component slug",
        options: { body: { ...openBody(), stateChanges: [{ componentId: "mainframe", state: "red" }] } },
        status: 422,
        code: "unknown_component",
        fields: ["stateChanges.0.componentId"],
      },
      {
        name: "an unknown component id",
        options: { body: { ...openBody(), componentIds: [99999] } },
        status: 422,
        code: "unknown_component",
        fields: ["componentIds.0"],
      },
      {
        name: "a time in the future",
        options: { body: { ...openBody(), postedAt: "2030-01-01T00:00:00Z" } },
        status: 422,
        code: "invalid_input",
        fields: ["postedAt"],
      },
      {
        name: "a time without a zone",
        options: { body: { ...openBody(), postedAt: "2026-11-22 10:00" } },
        status: 422,
        code: "invalid_input",
        fields: ["postedAt"],
      },
      { name: "not JSON", options: { rawBody: "{title:" }, status: 400, code: "invalid_json" },
      { name: "a JSON array", options: { body: [1, 2] }, status: 422, code: "invalid_input", fields: ["body"] },
      {
        name: "a form body",
        options: { rawBody: "title=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } },
        status: 415,
        code: "unsupported_media_type",
      },
      { name: "a huge body", options: { body: { ...openBody(), body: "x".repeat(MAX_BODY_BYTES) } }, status: 413, code: "body_too_large" },
      {
        name: "a bad Idempotency-Key",
        options: { body: openBody(), headers: { "Idempotency-Key": "has spaces in it" } },
        status: 400,
        code: "invalid_idempotency_key",
      },
    ];
    it.each(cases)("$name → $status $code", async ({ options, status, code, fields }) => {
      const before = await site.db.post.count();
      const response = await call(api.openIncident, { token: tokens.commander, ...options });
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toEqual(expect.any(String));
      if (fields) expect(Object.keys(response.body.error.fields).sort()).toEqual([...fields].sort());
      expect(await site.db.post.count()).toBe(before);
    });

    it("answers 404 for an unknown incident, a post of another incident, and a malformed number", async () => {
      const post = await freshPost();
      const other = await freshIncident();
      const missing = await call(api.postUpdate, { token: tokens.commander, params: { number: "999999" }, body: { type: "update", body: "x" } });
      const wrongIncident = await call(api.editPost, {
        method: "PATCH",
        token: tokens.commander,
        params: { number: String(other), id: String(post.id) },
        body: { body: "x" },
      });
      const malformed = await call(api.postUpdate, { token: tokens.commander, params: { number: "abc" }, body: { type: "update" } });
      expect([missing.status, wrongIncident.status, malformed.status]).toEqual([404, 404, 404]);
    });

    it("refuses to delete an incident's only post with 422 and the reason", async () => {
      const number = await freshIncident();
      const only = await site.db.post.findFirst({ where: { incident: { number } } });
      const response = await call(api.deletePost, {
        method: "DELETE",
        token: tokens.commander,
        params: { number: String(number), id: String(only!.id) },
        body: { reason: "mistake" },
      });
      expect(response.status).toBe(422);
      expect(response.body.error.fields).toHaveProperty("postId");
    });
  });

  describe("Idempotency-Key", () => {
    it("replays the first response for the same key and body, and publishes once", async () => {
      const body = openBody("Retry me");
      const first = await call(api.openIncident, { token: tokens.commander, body, headers: { "Idempotency-Key": "alert-4711" } });
      const again = await call(api.openIncident, { token: tokens.commander, body, headers: { "Idempotency-Key": "alert-4711" } });
      expect(first.status).toBe(201);
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
      expect(await site.db.incident.count({ where: { title: "Retry me" } })).toBe(1);
    });

    it("answers 409 for the same key with another body; another token's same key is its own", async () => {
      await call(api.openIncident, { token: tokens.commander, body: openBody("Key A"), headers: { "Idempotency-Key": "alert-4712" } });
      const conflict = await call(api.openIncident, { token: tokens.commander, body: openBody("Key B"), headers: { "Idempotency-Key": "alert-4712" } });
      expect(conflict.status).toBe(409);
      expect(conflict.body.error.code).toBe("idempotency_key_reused");
      const otherToken = await call(api.openIncident, { token: tokens.admin, body: openBody("Key B"), headers: { "Idempotency-Key": "alert-4712" } });
      expect(otherToken.status).toBe(201);
    });

    it("lands concurrent retries with one key once", async () => {
      const body = openBody("Concurrent");
      const responses = await Promise.all(
        [1, 2, 3].map(() => call(api.openIncident, { token: tokens.commander, body, headers: { "Idempotency-Key": "alert-4713" } })),
      );
      expect(responses.filter((r) => r.status === 201)).not.toHaveLength(0);
      expect(responses.every((r) => r.status === 201 || (r.status === 409 && r.body.error.code === "request_in_progress"))).toBe(true);
      expect(await site.db.incident.count({ where: { title: "Concurrent" } })).toBe(1);
    });

    it("keeps a 4xx answer too: the same bad request gets the same answer", async () => {
      const body = { ...openBody(), stateChanges: [{ componentId: "mainframe", state: "red" }] };
      const first = await call(api.openIncident, { token: tokens.commander, body, headers: { "Idempotency-Key": "alert-4714" } });
      const again = await call(api.openIncident, { token: tokens.commander, body, headers: { "Idempotency-Key": "alert-4714" } });
      expect([first.status, again.status]).toEqual([422, 422]);
      expect(again.headers.get("idempotent-replayed")).toBe("true");
    });
  });
});
