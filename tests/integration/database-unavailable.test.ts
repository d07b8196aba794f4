// A database that cannot be reached (PostgreSQL on a closed port, a SQLite path that cannot be
// opened): the admin's action wrapper answers with a plain message and every submitted value, and
// the write API answers 503 database_unavailable with Retry-After. Nothing is thrown at the user.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { parseDatabaseUrl } from "@/lib/runtime/env";
import { adminForm, runAdminAction } from "@/lib/admin/action";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/admin/unavailable";
import { userForms } from "@/lib/admin/user-forms";
import { authorize, type Actor } from "@/lib/auth/roles";
import { actorOf, findSession } from "@/lib/auth/session";
import { openIncident } from "@/lib/incidents/publish";
import { openIncidentFormSchema } from "@/lib/validation/publish-form";
import { call, testWriteApi } from "../support/write-api";

const scratch = mkdtempSync(path.join(tmpdir(), "beacon-unreachable-"));
const unreachable = [
  // Port 1 (tcpmux) is reserved and closed on any machine that runs these tests: connection refused.
  { name: "PostgreSQL on a closed port", url: async () => "postgresql://postgres@127.0.0.1:1/beacon" },
  // A directory where the database file should be: SQLite cannot open it.
  { name: "SQLite that cannot be opened", url: async () => `file:${scratch}` },
];
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const COMMANDER: Actor = { userId: 1, label: "commander@example.com", role: "commander", ip: "" };
const NOW = new Date("2026-11-22T10:00:00Z");

describe.each(unreachable)("$name", (target) => {
  let db: Db;
  beforeAll(async () => {
    db = createDb(parseDatabaseUrl(await target.url()));
  });
  afterAll(() => db?.$disconnect());

  // The new-incident form's fields, as the browser sends them.
  const incidentForm = () => {
    const form = new FormData();
    form.set("title", "Elevated errors on Production");
    form.append("componentIds", "1");
    form.set("type", "investigating");
    form.set("body", "We are investigating **elevated error rates**.");
    form.set("state.1", "red");
    form.set("intent", "publish");
    form.set("impactHash", "a".repeat(64));
    form.set("idempotencyKey", "form-key-0001");
    return form;
  };
  const typed = {
    title: "Elevated errors on Production",
    componentIds: "1",
    type: "investigating",
    body: "We are investigating **elevated error rates**.",
    "state.1": "red",
    intent: "publish",
    impactHash: "a".repeat(64),
    idempotencyKey: "form-key-0001",
  };
  const publishDefinition = () =>
    adminForm("commander", openIncidentFormSchema, async (input, actor) => {
      await openIncident(db, actor, input, { now: NOW, confirmation: { impactHash: input.impactHash!, warningsAcknowledged: false } });
    });

  it("a form whose session cannot be read says publishing is unavailable and gives back everything typed", async () => {
    const fromSession = async (minRole: Actor["role"]) => {
      const user = await findSession(db, "a-session-token", NOW);
      return authorize(user && actorOf(user, ""), minRole);
    };
    const state = await runAdminAction(publishDefinition(), fromSession, incidentForm());
    expect(state).toEqual({ status: "error", code: 503, message: DATABASE_UNAVAILABLE_MESSAGE, values: typed });
  });

  it("a publish that cannot reach the database says so, and gives back everything typed", async () => {
    const state = await runAdminAction(publishDefinition(), async (minRole) => authorize(COMMANDER, minRole), incidentForm());
    expect(state).toEqual({ status: "error", code: 503, message: DATABASE_UNAVAILABLE_MESSAGE, values: typed });
  });

  it("an admin form that is not a publish says the same (adding a user)", async () => {
    const form = new FormData();
    form.set("email", "new@example.com");
    form.set("role", "viewer");
    form.set("password", "a long enough passphrase");
    const state = await runAdminAction(userForms(() => db).create, async (minRole) => authorize({ ...COMMANDER, role: "admin" }, minRole), form);
    expect(state).toMatchObject({ status: "error", code: 503, message: DATABASE_UNAVAILABLE_MESSAGE, values: { email: "new@example.com", role: "viewer" } });
  });

  it("the write API answers 503 database_unavailable with Retry-After, with or without an Idempotency-Key", async () => {
    const api = testWriteApi(db, () => NOW);
    const token = `bcn_${"A".repeat(43)}`;
    const body = { title: "Elevated errors", type: "investigating", componentIds: ["production"] };
    for (const headers of [{}, { "Idempotency-Key": "alert-42" }] as Record<string, string>[]) {
      const response = await call(api.openIncident, { token, body, headers });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(response.body).toEqual({
        error: {
          code: "database_unavailable",
          message: "Publishing is unavailable: Beacon cannot reach its database. Nothing was published; retry later with the same Idempotency-Key.",
        },
      });
    }
    const maintenance = await call(api.cancelMaintenance, { token, params: { number: "3" }, body: { body: "Postponed." } });
    expect(maintenance.status).toBe(503);
  });
});
