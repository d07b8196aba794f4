import { describe, expect, it } from "vitest";
import { ACCOUNT_FAILURE_LIMIT, describeWait, lockDelayMs, throttleKeys } from "@/lib/auth/throttle";

describe("sign-in throttle policy", () => {
  it("lets the first failures through, then doubles the delay up to 15 minutes", () => {
    const limit = ACCOUNT_FAILURE_LIMIT;
    expect(lockDelayMs(limit - 1, limit)).toBe(0);
    expect(lockDelayMs(limit, limit)).toBe(30_000);
    expect(lockDelayMs(limit + 1, limit)).toBe(60_000);
    expect(lockDelayMs(limit + 2, limit)).toBe(120_000);
    expect(lockDelayMs(limit + 20, limit)).toBe(15 * 60_000);
  });

  it("limits per account and per address", () => {
    expect(throttleKeys("ada@example.com", "10.0.0.1").map((k) => k.key)).toEqual(["account:ada@example.com", "ip:10.0.0.1"]);
    expect(throttleKeys("ada@example.com", "").map((k) => k.key)).toEqual(["account:ada@example.com"]);
  });

  it("words the wait rounded up", () => {
    expect(describeWait(30_000)).toBe("30 seconds");
    expect(describeWait(1)).toBe("1 second");
    expect(describeWait(60_000)).toBe("1 minute");
    expect(describeWait(61_000)).toBe("2 minutes");
  });
});
