// Alert rules through the write API (admin tokens only, the same use-cases and schema as the admin
// form), and the storm threshold an admin sets at /admin/integrations — on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { adminForm, runAdminAction } from "@/lib/admin/action";
import { AccessDenied, authorize, type Role } from "@/lib/auth/roles";
import { createIntegration } from "@/lib/alerts/integrations";
import { DEFAULT_STORM_THRESHOLD, stormThreshold, updateStormThreshold } from "@/lib/alerts/received";
import { stormThresholdFormSchema } from "@/lib/validation/integrations";
import { BASE_URL, call, useWriteApiSite } from "../support/write-api";
import { providers } from "../support/test-databases";

const T0 = new Date("2026-11-22T10:00:00Z");

describe.each(providers)("alert rules API and storm threshold on $name", (provider) => {
  const site = useWriteApiSite(provider, () => T0);
  const { ids, actors, tokens, api } = site;
  let integrationId: number;

  const rulePath = (id: number) => ({ path: `/api/admin/alert-rules/${id}`, params: { id: String(id) } });
  const create = (body: unknown, token = tokens.admin) => call(api.createAlertRule, { token, path: "/api/admin/alert-rules", body });
  /** A GET has no body, so not through `call`. */
  async function list(token = tokens.admin): Promise<{ status: number; body: any }> {
    const request = new Request(`${BASE_URL}/api/admin/alert-rules`, { headers: { Authorization: `Bearer ${token}` } });
    const response = await api.listAlertRules(request);
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    integrationId = (await createIntegration(site.db, actors.admin, { name: "alertmanager-prod", kind: "alertmanager" }, T0)).integration.id;
  });

  it("an admin token creates, lists in routing order, updates and deletes rules, each audited", async () => {
    const global = await create({
      name: "Anything critical",
      component_ids: ["production"],
      matchers: [{ label: "severity", op: "equals", value: "critical" }],
    });
    expect(global.status).toBe(201);
    expect(global.body.rule).toMatchObject({
      name: "Anything critical",
      integration: null,
      component_ids: [ids.production],
      severity_states: { critical: "red", warning: "yellow" },
      mode: "draft",
      resolve_automatically: false,
    });
    const own = await create({
      integration_id: integrationId,
      name: "Git push down",
      component_ids: [ids.gitPush],
      matchers: [{ label: "job", op: "regex", value: "git-.*" }],
      fixed_state: "red",
      mode: "publish",
    });
    expect(own.status).toBe(201);
    expect(own.body.rule.integration).toEqual({ id: integrationId, name: "alertmanager-prod", kind: "alertmanager" });

    const listed = await list();
    expect(listed.status).toBe(200);
    // The integration's own rules route first, then the global ones.
    expect(listed.body.rules.map((rule: { name: string }) => rule.name)).toEqual(["Git push down", "Anything critical"]);

    const patched = await call(api.updateAlertRule, {
      token: tokens.admin,
      method: "PATCH",
      ...rulePath(global.body.rule.id),
      body: { title_template: "{{alertname}} on {{components}}", component_ids: ["development", ids.production] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.rule).toMatchObject({
      name: "Anything critical",
      title_template: "{{alertname}} on {{components}}",
      component_ids: [ids.development, ids.production],
      matchers: [{ label: "severity", op: "equals", value: "critical" }],
    });

    const deleted = await call(api.deleteAlertRule, { token: tokens.admin, method: "DELETE", ...rulePath(own.body.rule.id), body: {} });
    expect(deleted).toMatchObject({ status: 200, body: { rule: { id: own.body.rule.id, deleted: true } } });
    expect((await list()).body.rules.map((rule: { name: string }) => rule.name)).toEqual(["Anything critical"]);

    const audit = await site.db.auditEvent.findMany({ where: { targetType: "alert_rule" }, orderBy: { id: "asc" } });
    expect(audit.map((event) => [event.action, event.actorLabel])).toEqual([
      ["alert_rule.create", "token:admin-bot"],
      ["alert_rule.create", "token:admin-bot"],
      ["alert_rule.update", "token:admin-bot"],
      ["alert_rule.delete", "token:admin-bot"],
    ]);
  });

  it("refuses commander and viewer tokens with 403 and writes nothing", async () => {
    const before = await site.db.alertRule.count();
    for (const role of ["commander", "viewer"] as const) {
      const token = tokens[role];
      expect((await list(token)).status, role).toBe(403);
      expect((await create({ name: "Nope", component_ids: ["production"] }, token)).status, role).toBe(403);
      expect((await call(api.updateAlertRule, { token, method: "PATCH", ...rulePath(1), body: { name: "Nope" } })).status, role).toBe(403);
      expect((await call(api.deleteAlertRule, { token, method: "DELETE", ...rulePath(1), body: {} })).status, role).toBe(403);
    }
    expect((await list(tokens.revoked)).status).toBe(401);
    expect(await site.db.alertRule.count()).toBe(before);
  });

  it("answers 422 with field messages for invalid bodies, and never lets a rule propose green", async () => {
    const invalid = await create({ name: "", component_ids: [], matchers: [{ label: "9bad", op: "regex", value: "(" }], colour: "red" });
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.error.fields).sort()).toEqual(["colour", "component_ids", "matchers.0.label", "matchers.0.value", "name"]);
    expect(invalid.body.error.fields["matchers.0.value"]).toBe("This is not a valid regular expression.");

    for (const green of [{ fixed_state: "green" }, { severity_states: { critical: "green" } }]) {
      const refused = await create({ name: "Green", component_ids: ["production"], ...green });
      expect(refused.status).toBe(422);
      expect(Object.values(refused.body.error.fields).join(" ")).toContain("never proposes Operational");
    }
    const unknown = await create({ name: "Somewhere", component_ids: ["nowhere"] });
    expect(unknown).toMatchObject({
      status: 422,
      body: { error: { code: "unknown_component", fields: { "component_ids.0": 'Unknown component "nowhere".' } } },
    });

    const noIntegration = await create({ name: "Elsewhere", component_ids: ["production"], integration_id: 999_999 });
    expect(noIntegration).toMatchObject({ status: 422, body: { error: { fields: { integration_id: "This integration does not exist." } } } });

    const rule = (await list()).body.rules[0];
    const patchedGreen = await call(api.updateAlertRule, { token: tokens.admin, method: "PATCH", ...rulePath(rule.id), body: { fixed_state: "green" } });
    expect(patchedGreen.status).toBe(422);
    expect((await list()).body.rules[0].fixed_state).toBe(rule.fixed_state);
  });

  it("answers 404 for an unknown rule id", async () => {
    const missing = await call(api.updateAlertRule, { token: tokens.admin, method: "PATCH", ...rulePath(999_999), body: { name: "Ghost" } });
    expect(missing).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
    expect((await call(api.deleteAlertRule, { token: tokens.admin, method: "DELETE", ...rulePath(999_999), body: {} })).status).toBe(404);
    expect((await call(api.deleteAlertRule, { token: tokens.admin, method: "DELETE", ...rulePath(0), body: {} })).status).toBe(404);
  });

  describe("storm threshold", () => {
    const save = (who: Role, value: string) => {
      const form = new FormData();
      form.set("stormThreshold", value);
      const action = adminForm("admin", stormThresholdFormSchema, ({ stormThreshold: threshold }, actor) => updateStormThreshold(site.db, actor, threshold));
      return runAdminAction(action, async (minRole) => authorize(actors[who], minRole), form);
    };

    it("an admin saves it (audited); a bad value is a field message and changes nothing", async () => {
      expect(await stormThreshold(site.db)).toBe(DEFAULT_STORM_THRESHOLD);
      expect(await save("admin", "12")).toMatchObject({ status: "ok" });
      expect(await stormThreshold(site.db)).toBe(12);
      for (const [value, message] of [
        ["0", "Use at least 1."],
        ["2.5", "Enter a whole number of incidents."],
        ["lots", "Enter a whole number of incidents."],
        ["5000", "Use at most 1000."],
      ]) {
        expect(await save("admin", value!), value).toMatchObject({ status: "error", fieldErrors: { stormThreshold: message } });
      }
      expect(await save("admin", "12")).toMatchObject({ status: "error", fieldErrors: { stormThreshold: "Nothing changed." } });
      expect(await stormThreshold(site.db)).toBe(12);
      const events = await site.db.auditEvent.findMany({ where: { action: "setting.update", targetId: "alertStormThreshold" } });
      expect(events.map((event) => [event.before, event.after])).toEqual([[{ value: null }, { value: 12 }]]);
    });

    it("refuses viewers and commanders", async () => {
      for (const who of ["viewer", "commander"] as const) {
        await expect(updateStormThreshold(site.db, actors[who], 3)).rejects.toBeInstanceOf(AccessDenied);
        expect(await save(who, "3"), who).toMatchObject({ status: "error", code: 403 });
      }
      expect(await stormThreshold(site.db)).toBe(12);
    });
  });
});
