// Disabling a user from the terminal (`npm run admin -- disable/enable`) and from the admin users
// page, on SQLite and PostgreSQL: a disabled user can neither sign in, nor use a session they already
// have, nor use an API token they created; it is audited; the last enabled admin cannot be disabled.
import { describe, expect, it } from "vitest";
import { runAdminAction } from "@/lib/admin/action";
import { userForms } from "@/lib/admin/user-forms";
import { runAdminCommand } from "@/lib/server/admin-cli";
import { actorFromBearer, createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { authorize, type Role } from "@/lib/auth/roles";
import { findSession } from "@/lib/auth/session";
import { signIn } from "@/lib/auth/sign-in";
import { createUser } from "@/lib/auth/users";
import { CliError } from "@/lib/server/cli";
import { usePublishingSite } from "../support/publish-fixtures";
import { call, testWriteApi } from "../support/write-api";
import { providers } from "../support/test-databases";

const NOW = new Date("2026-11-22T10:00:00Z");
const PASSWORD = "a long enough passphrase";
const META = { ip: "198.51.100.7", userAgent: "test", deviceCookie: undefined };
const SECRET = "a session secret of at least 32 characters";

describe.each(providers)("disabling a user on $name", (provider) => {
  const site = usePublishingSite(provider);
  const { actors } = site;
  let seq = 0;

  /** An admin who has signed in and created an API token. */
  async function userWithAccess() {
    const email = `ops${++seq}@example.com`;
    const user = await createUser(site.db, actors.admin, { email, password: PASSWORD, role: "admin", name: "" });
    const session = await signIn(site.db, { email, password: PASSWORD }, META, NOW, SECRET);
    if (!session.ok) throw new Error("setup: sign-in failed");
    const { token } = await createApiToken(site.db, { userId: user.id, label: email, role: "admin", ip: "" }, { name: `bot-${seq}`, role: "commander" }, NOW);
    return { id: user.id, email, session: session.token, token };
  }

  const api = () => testWriteApi(site.db, () => NOW);
  const publishWith = (token: string) =>
    call(api().openIncident, { token, body: { title: `Token check ${++seq}`, type: "investigating", componentIds: ["production"] } });

  async function expectLockedOut(user: Awaited<ReturnType<typeof userWithAccess>>) {
    expect(await signIn(site.db, { email: user.email, password: PASSWORD }, META, NOW, SECRET)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await findSession(site.db, user.session, NOW)).toBeNull();
    expect(await actorFromBearer(site.db, `Bearer ${user.token}`, "", NOW)).toBeNull();
    const refused = await publishWith(user.token);
    expect(refused.status).toBe(401);
    expect((await listApiTokens(site.db)).find((token) => token.prefix === user.token.slice(0, 10))).toMatchObject({ suspended: true });
  }

  async function expectAccessAgain(user: Awaited<ReturnType<typeof userWithAccess>>) {
    expect(await signIn(site.db, { email: user.email, password: PASSWORD }, META, NOW, SECRET)).toMatchObject({ ok: true });
    expect((await publishWith(user.token)).status).toBe(201);
    // The sessions ended at disabling stay ended.
    expect(await findSession(site.db, user.session, NOW)).toBeNull();
  }

  const audits = (userId: number) =>
    site.db.auditEvent.findMany({
      where: { targetType: "user", targetId: String(userId), action: { in: ["user.disable", "user.enable"] } },
      orderBy: { id: "asc" },
    });

  it("npm run admin -- disable / enable: locks the user out of sign-in, sessions and API tokens, then lets them back, audited as cli", async () => {
    const user = await userWithAccess();
    expect((await publishWith(user.token)).status).toBe(201);
    expect(await runAdminCommand(site.db, ["disable", "--email", user.email.toUpperCase()], NOW)).toEqual([
      `${user.email} is disabled: they cannot sign in, their sessions were ended and their API tokens are refused`,
    ]);
    await expectLockedOut(user);
    expect(await runAdminCommand(site.db, ["list"], NOW)).toContain(`${user.email}\tadmin\tdisabled`);

    expect(await runAdminCommand(site.db, ["enable", "--email", user.email], NOW)).toEqual([`${user.email} is enabled again`]);
    await expectAccessAgain(user);
    expect((await audits(user.id)).map((event) => [event.action, event.actorLabel, event.after])).toEqual([
      ["user.disable", "cli", { disabled: true }],
      ["user.enable", "cli", { disabled: false }],
    ]);
  });

  it("the admin users page's Disable/Enable action does the same, audited as the admin", async () => {
    const user = await userWithAccess();
    const action = userForms(
      () => site.db,
      () => NOW,
    ).setDisabled;
    const asAdmin = async (minRole: Role) => authorize(actors.admin, minRole);
    const submit = (disabled: boolean) => {
      const form = new FormData();
      form.set("email", user.email);
      form.set("disabled", String(disabled));
      return runAdminAction(action, asAdmin, form);
    };

    expect(await submit(true)).toEqual({
      status: "ok",
      message: `${user.email} is disabled: signed out everywhere, and the API tokens they created are refused.`,
    });
    await expectLockedOut(user);
    expect(await submit(false)).toMatchObject({ status: "ok", message: `${user.email} is enabled again; the API tokens they created work again.` });
    await expectAccessAgain(user);
    expect((await audits(user.id)).map((event) => [event.action, event.actorLabel])).toEqual([
      ["user.disable", actors.admin.label],
      ["user.enable", actors.admin.label],
    ]);

    const self = new FormData();
    self.set("email", actors.admin.label);
    self.set("disabled", "true");
    expect(await runAdminAction(action, asAdmin, self)).toMatchObject({ status: "error", message: expect.stringMatching(/your own account/) });
    const viewer = await runAdminAction(action, async (minRole) => authorize(actors.viewer, minRole), self);
    expect(viewer).toMatchObject({ status: "error", code: 403 });
  });

  it("refuses to disable the last enabled admin from the terminal, and an unknown email, changing nothing", async () => {
    const others = await site.db.user.findMany({ where: { role: "admin", disabledAt: null, NOT: { id: actors.admin.userId! } } });
    for (const other of others) await runAdminCommand(site.db, ["disable", "--email", other.email], NOW);
    const before = await site.db.auditEvent.count();
    await expect(runAdminCommand(site.db, ["disable", "--email", actors.admin.label], NOW)).rejects.toThrow(
      new CliError("admin@example.com is the last admin; make another admin first"),
    );
    await expect(runAdminCommand(site.db, ["disable", "--email", "nobody@example.com"], NOW)).rejects.toThrow(/no user with email nobody@example.com/);
    await expect(runAdminCommand(site.db, ["disable"], NOW)).rejects.toThrow(/--email/);
    expect(await site.db.auditEvent.count()).toBe(before);
    expect((await site.db.user.findUniqueOrThrow({ where: { id: actors.admin.userId! } })).disabledAt).toBeNull();
  });
});
