// The first run on SQLite and PostgreSQL: the setup page's use-case creates the first admin only
// with a code the server printed, refuses wrong codes (throttled like sign-in), and is dead once an
// admin exists — also when several setups race.
import { describe, expect, it } from "vitest";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { findSession } from "@/lib/auth/session";
import { issueSetupCode, setupCodeMatches } from "@/lib/auth/setup-code";
import { createUser } from "@/lib/auth/users";
import type { Actor } from "@/lib/auth/roles";
import { providers, useTestDatabase } from "../support/test-databases";

const NOW = new Date("2026-12-01T03:00:00Z");
const SECRET = "a session secret of at least 32 characters";
const CLI: Actor = { userId: null, label: "cli", role: "admin", ip: "" };
const from = (ip: string) => ({ ip, userAgent: "vitest" });
const admin = (code: string, email = "ada@example.com") => ({ code, email, name: "Ada", password: "a long enough passphrase" });

describe.each(providers)("first run on $name", (provider) => {
  const site = useTestDatabase(provider, { each: true });

  it("creates the first admin with the printed code, signs them in, and the code is dead afterwards", async () => {
    const code = (await issueSetupCode(site.db, NOW))!;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Typed in lower case without dashes, as people do.
    const result = await createFirstAdmin(site.db, admin(code.toLowerCase().replaceAll("-", "")), from("198.51.100.1"), NOW, SECRET);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await findSession(site.db, result.token, NOW)).toMatchObject({ email: "ada@example.com", role: "admin" });
    expect(await site.db.user.findMany({ select: { email: true, name: true, role: true } })).toEqual([
      { email: "ada@example.com", name: "Ada", role: "admin" },
    ]);
    expect(await site.db.auditEvent.count({ where: { action: "user.create", actorId: result.userId } })).toBe(1);

    expect(await setupCodeMatches(site.db, code)).toBe(false);
    expect(await createFirstAdmin(site.db, admin(code, "mallory@example.com"), from("203.0.113.9"), NOW, SECRET)).toMatchObject({ ok: false, reason: "done" });
    // A start with users prints no code and leaves none behind.
    expect(await issueSetupCode(site.db, NOW)).toBeNull();
    expect(await site.db.user.count()).toBe(1);
  });

  it("refuses a wrong code, then throttles the address; every code printed by any start works", async () => {
    const first = (await issueSetupCode(site.db, NOW))!;
    const second = (await issueSetupCode(site.db, NOW))!;
    expect(second).not.toBe(first);
    const wrong = await createFirstAdmin(site.db, admin("AAAA-BBBB-CCCC"), from("203.0.113.7"), NOW, SECRET);
    expect(wrong).toMatchObject({ ok: false, reason: "wrong-code" });
    for (let attempt = 0; attempt < 5; attempt++) await createFirstAdmin(site.db, admin(`WRONG-${attempt}`), from("203.0.113.7"), NOW, SECRET);
    // Locked out: even the right code waits, and nothing was created.
    expect(await createFirstAdmin(site.db, admin(first), from("203.0.113.7"), NOW, SECRET)).toMatchObject({ ok: false, reason: "throttled" });
    expect(await site.db.user.count()).toBe(0);
    // The owner, from another address, with the code an earlier start printed.
    expect(await createFirstAdmin(site.db, admin(first), from("198.51.100.1"), NOW, SECRET)).toMatchObject({ ok: true });
  });

  it("lets exactly one of several simultaneous setups win", async () => {
    const code = (await issueSetupCode(site.db, NOW))!;
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createFirstAdmin(site.db, admin(code, `racer${i}@example.com`), from(`198.51.100.${i + 10}`), NOW, SECRET)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok && result.reason === "done")).toHaveLength(3);
    expect(await site.db.user.count()).toBe(1);
  });

  it("is closed once an admin was made from the terminal, even with a code printed before", async () => {
    const code = (await issueSetupCode(site.db, NOW))!;
    await createUser(site.db, CLI, { email: "ops@example.com", password: "a long enough passphrase", role: "admin", name: "" });
    expect(await createFirstAdmin(site.db, admin(code), from("198.51.100.1"), NOW, SECRET)).toMatchObject({ ok: false, reason: "done" });
    expect(await site.db.user.count()).toBe(1);
  });
});
