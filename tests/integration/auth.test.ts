// Sign-in, sessions, the persisted rate limit and user management on SQLite and PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { findSession, SESSION_IDLE_MS, SESSION_LIFETIME_MS } from "@/lib/auth/session";
import { signIn, signOut } from "@/lib/auth/sign-in";
import { createUser, resetPassword, setRole, UserError } from "@/lib/auth/users";
import type { Actor } from "@/lib/auth/roles";
import { providers, useTestDatabase } from "../support/test-databases";

const NOW = new Date("2026-11-22T03:00:00Z");
const CLI: Actor = { userId: null, label: "cli", role: "admin", ip: "" };
const META = { ip: "203.0.113.7", userAgent: "vitest", deviceCookie: undefined };
const SECRET = "a session secret of at least 32 characters";
const PASSWORD = "correct horse battery staple";
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(providers)("auth on $name", (provider) => {
  const site = useTestDatabase(provider);

  beforeAll(async () => {
    await createUser(site.db, CLI, { email: "ada@example.com", password: PASSWORD, role: "commander", name: "Ada" });
    await createUser(site.db, CLI, { email: "grace@example.com", password: PASSWORD, role: "viewer", name: "" });
  });

  it("signs in with the right password, and the session knows the user and role", async () => {
    const result = await signIn(site.db, { email: "ada@example.com", password: PASSWORD }, META, NOW, SECRET);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const session = await findSession(site.db, result.token, later(1000));
    expect(session).toMatchObject({ email: "ada@example.com", role: "commander" });
    // Only the hash of the token is stored.
    expect(await site.db.session.count({ where: { id: result.token } })).toBe(0);
    expect(await site.db.auditEvent.count({ where: { action: "auth.sign_in", actorId: result.userId } })).toBe(1);
  });

  it("ends sessions when they expire, go idle, or the user signs out", async () => {
    const sign = async () => {
      const result = await signIn(site.db, { email: "ada@example.com", password: PASSWORD }, META, NOW, SECRET);
      if (!result.ok) throw new Error(result.message);
      return result.token;
    };
    expect(await findSession(site.db, await sign(), later(SESSION_LIFETIME_MS))).toBeNull();
    expect(await findSession(site.db, await sign(), later(SESSION_IDLE_MS + 1))).toBeNull();
    const token = await sign();
    await signOut(site.db, token, META.ip, later(1000));
    expect(await findSession(site.db, token, later(2000))).toBeNull();
    expect(await site.db.auditEvent.count({ where: { action: "auth.sign_out" } })).toBe(1);
  });

  it("locks an account after 5 failures, across a restart, with a clear message", async () => {
    const attempt = (client: Db, password: string, at: Date) => signIn(client, { email: "grace@example.com", password }, META, at, SECRET);
    for (let i = 1; i <= 4; i++)
      expect(await attempt(site.db, "wrong", NOW)).toMatchObject({ ok: false, reason: "invalid", message: "That email and password do not match an account." });
    expect((await attempt(site.db, "wrong", NOW)) as { message: string }).toMatchObject({ message: expect.stringContaining("try again in 30 seconds") });

    const restarted = createDb(site.target);
    try {
      expect(await attempt(restarted, PASSWORD, later(10_000))).toMatchObject({
        ok: false,
        reason: "throttled",
        message: "Too many failed sign-in attempts. Try again in 20 seconds.",
      });
      expect(await attempt(restarted, PASSWORD, later(31_000))).toMatchObject({ ok: true });
      // The success cleared the account's count: one more failure is not locked.
      expect(await attempt(restarted, "wrong", later(32_000))).toMatchObject({
        reason: "invalid",
        message: "That email and password do not match an account.",
      });
    } finally {
      await restarted.$disconnect();
    }
    expect(await site.db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: "grace@example.com" } })).toBe(6);
  });

  it("treats an unknown email like a wrong password", async () => {
    expect(await signIn(site.db, { email: "nobody@example.com", password: PASSWORD }, META, NOW, SECRET)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("audits role changes with before and after, and keeps the last admin", async () => {
    const admin = await createUser(site.db, CLI, { email: "root@example.com", password: PASSWORD, role: "admin", name: "" });
    await setRole(site.db, CLI, "grace@example.com", "commander");
    const event = await site.db.auditEvent.findFirst({ where: { action: "user.set_role" }, orderBy: { id: "desc" } });
    expect(event).toMatchObject({ actorLabel: "cli", before: { role: "viewer" }, after: { role: "commander" } });
    await expect(setRole(site.db, CLI, admin.email, "viewer")).rejects.toThrow(UserError);
  });

  it("ends a user's sessions when their password is reset", async () => {
    const result = await signIn(site.db, { email: "ada@example.com", password: PASSWORD }, META, NOW, SECRET);
    if (!result.ok) throw new Error(result.message);
    await resetPassword(site.db, CLI, "ada@example.com", "another long password");
    expect(await findSession(site.db, result.token, later(1000))).toBeNull();
    expect(await signIn(site.db, { email: "ada@example.com", password: "another long password" }, META, NOW, SECRET)).toMatchObject({ ok: true });
  });
});
