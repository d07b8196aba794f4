import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, ACCOUNT_SOURCE_LIMIT, describeWait, lockDelayMs, SOURCE_LIMIT, sourceOf, throttleKeys } from "@/lib/auth/throttle";

describe("sign-in throttle policy", () => {
  it("lets the first attempts through, then doubles the delay up to 15 minutes", () => {
    const limit = ACCOUNT_SOURCE_LIMIT;
    expect(lockDelayMs(limit - 1, limit)).toBe(0);
    expect(lockDelayMs(limit, limit)).toBe(30_000);
    expect(lockDelayMs(limit + 1, limit)).toBe(60_000);
    expect(lockDelayMs(limit + 2, limit)).toBe(120_000);
    expect(lockDelayMs(limit + 20, limit)).toBe(15 * 60_000);
  });

  it("limits an unknown browser per account and address, per address, and per account", () => {
    expect(throttleKeys("ada@example.com", "10.0.0.1", null)).toEqual([
      { key: "ip:10.0.0.1", limit: SOURCE_LIMIT, onSuccess: "refund" },
      { key: "account:ada@example.com|10.0.0.1", limit: ACCOUNT_SOURCE_LIMIT, onSuccess: "clear" },
      { key: "account:ada@example.com", limit: ACCOUNT_LIMIT, onSuccess: "clear" },
    ]);
    // Without a known address, everyone shares one: the limits still hold.
    expect(throttleKeys("ada@example.com", "", null).map((k) => k.key)).toEqual(["ip:unknown", "account:ada@example.com|unknown", "account:ada@example.com"]);
  });

  it("limits a known device only by its own attempts, whoever else tries the account", () => {
    expect(throttleKeys("ada@example.com", "10.0.0.1", { userId: 7, deviceId: "AAAAAAAAAAAAAAAAAAAAAA" })).toEqual([
      { key: "device:AAAAAAAAAAAAAAAAAAAAAA", limit: ACCOUNT_SOURCE_LIMIT, onSuccess: "clear" },
    ]);
  });

  it("counts an IPv6 client by its /64, so one network cannot rotate addresses", () => {
    expect(sourceOf("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(sourceOf("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(sourceOf("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(sourceOf("::1")).toBe("0:0:0:0::/64");
    expect(sourceOf("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(sourceOf("203.0.113.9")).toBe("203.0.113.9");
  });

  it("words the wait rounded up", () => {
    expect(describeWait(30_000)).toBe("30 seconds");
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(60_000)).toBe("1 minute");
    expect(describeWait(61_000)).toBe("2 minutes");
  });
});
