// The sign-in throttle under attack, on SQLite and PostgreSQL: parallel guesses cannot outrun the
// limit, strangers cannot lock a commander out, and floods of refused attempts add a bounded number of rows.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { signIn, type SignInRequest } from "@/lib/auth/sign-in";
import { ACCOUNT_LIMIT, ACCOUNT_SOURCE_LIMIT, FORGET_AFTER_MS } from "@/lib/auth/throttle";
import { createUser } from "@/lib/auth/users";
import type { Actor } from "@/lib/auth/roles";
import { providers, useTestDatabase } from "../support/test-databases";

const NOW = new Date("2026-12-01T03:00:00Z");
const CLI: Actor = { userId: null, label: "cli", role: "admin", ip: "" };
const SECRET = "a session secret of at least 32 characters";
const PASSWORD = "correct horse battery staple";
const at = (ms: number) => new Date(NOW.getTime() + ms);
const from = (ip: string, deviceCookie?: string): SignInRequest => ({ ip, userAgent: "vitest", deviceCookie });

describe.each(providers)("sign-in throttle on $name", (provider) => {
  const site = useTestDatabase(provider);
  const attempt = (email: string, password: string, request: SignInRequest, now = NOW) => signIn(site.db, { email, password }, request, now, SECRET);

  beforeAll(async () => {
    for (const email of ["race@example.com", "commander@example.com", "known@example.com"])
      await createUser(site.db, CLI, { email, password: PASSWORD, role: "commander", name: "" });
  });

  it("runs at most the limit's number of password checks for 40 parallel wrong passwords", async () => {
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt("race@example.com", `wrong ${i}`, from("198.51.100.40"))));
    const checked = await site.db.auditEvent.count({ where: { action: "auth.sign_in_failed", targetId: "race@example.com" } });
    expect(checked).toBe(ACCOUNT_SOURCE_LIMIT);
    expect(results.filter((result) => !result.ok && result.reason === "invalid")).toHaveLength(ACCOUNT_SOURCE_LIMIT);
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(40 - ACCOUNT_SOURCE_LIMIT);
  });

  it("does not let strangers lock out a commander who has the right password", async () => {
    const email = "commander@example.com";
    // A stranger hammers the account from two addresses for 20 minutes, a request every 10 s from each.
    const strangers = ["203.0.113.1", "203.0.113.2"];
    await Promise.all(
      strangers.map(async (ip) => {
        for (let second = 0; second < 1200; second += 10) await attempt(email, "guess", from(ip), at(second * 1000));
      }),
    );
    expect(await attempt(email, "guess", from("203.0.113.1"), at(1_200_000))).toMatchObject({ reason: "throttled" });
    // The commander, from their own address, on a browser never used before: let in.
    expect(await attempt(email, PASSWORD, from("192.0.2.10"), at(1_200_000))).toMatchObject({ ok: true });
  });

  it("lets a known browser in with the right password even when the account and its address are locked", async () => {
    const email = "known@example.com";
    const first = await attempt(email, PASSWORD, from("192.0.2.20"));
    if (!first.ok) throw new Error(first.message);
    // Many addresses exhaust the account-wide limit for unknown browsers, one of them the commander's own.
    const addresses = Array.from({ length: Math.ceil(ACCOUNT_LIMIT / ACCOUNT_SOURCE_LIMIT) }, (_, i) => `203.0.113.${100 + i}`);
    await Promise.all(
      [...addresses, "192.0.2.20"].map(async (ip) => {
        for (let i = 0; i < ACCOUNT_SOURCE_LIMIT + 2; i++) await attempt(email, "guess", from(ip), at(1000));
      }),
    );
    expect(await attempt(email, PASSWORD, from("192.0.2.21"), at(2000))).toMatchObject({ reason: "throttled" });
    expect(await attempt(email, PASSWORD, from("192.0.2.20"), at(2000))).toMatchObject({ reason: "throttled" });
    // The browser that signed in before gets through, from the locked address too.
    expect(await attempt(email, PASSWORD, from("192.0.2.20", first.deviceCookie), at(2000))).toMatchObject({ ok: true });
    // A forged or another user's cookie is just an unknown browser.
    const forged = `${first.userId + 1}.${first.deviceCookie.split(".").slice(1).join(".")}`;
    expect(await attempt(email, PASSWORD, from("192.0.2.20", forged), at(2000))).toMatchObject({ reason: "throttled" });
  });

  it("adds a bounded number of rows for 10,000 refused attempts, and prunes what is left", async () => {
    const rows = async () => (await site.db.auditEvent.count()) + (await site.db.loginThrottle.count());
    const before = await rows();
    const start = at(2 * 3_600_000);
    // One address, a random email each time, 100 attempts a second for 100 s.
    for (let batch = 0; batch < 200; batch++)
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          attempt(`${randomBytes(6).toString("hex")}@example.com`, "guess", from("198.51.100.99"), new Date(start.getTime() + batch * 500 + i)),
        ),
      );
    const grown = (await rows()) - before;
    expect(grown).toBeLessThan(100);

    // An hour later, the next admitted attempts delete the idle keys and write down what they refused.
    const later = new Date(start.getTime() + 100 * 1000 + FORGET_AFTER_MS + 1);
    for (let i = 0; i < 3; i++) await attempt("nobody@example.com", "guess", from("192.0.2.99"), later);
    expect(await site.db.loginThrottle.count({ where: { lastFailureAt: { lt: new Date(later.getTime() - FORGET_AFTER_MS) } } })).toBe(0);
    const summaries = await site.db.auditEvent.findMany({ where: { action: "auth.sign_in_throttled", targetId: "ip:198.51.100.99" } });
    const refused = summaries.reduce((sum, event) => sum + (event.after as { refused: number }).refused, 0);
    const checked = await site.db.auditEvent.count({ where: { action: "auth.sign_in_failed", ip: "198.51.100.99" } });
    expect(refused + checked).toBe(10_000);
    expect(summaries.length).toBeLessThan(10);
  });
});
