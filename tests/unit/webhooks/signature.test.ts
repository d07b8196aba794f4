import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "@/lib/webhooks/signature";
import { MAX_ATTEMPTS, retryDelayMs } from "@/lib/webhooks/backoff";

const NOW = new Date("2026-11-22T10:00:00Z");
const BODY = '{"event":"incident.opened"}';

describe("X-Beacon-Signature", () => {
  it("is t=<unix>,v1=<HMAC-SHA256 of t.body>, as a receiver recomputes it with node:crypto", () => {
    const header = signatureHeader("s3cret-s3cret-s3cret", BODY, NOW);
    const t = Math.floor(NOW.getTime() / 1000);
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", "s3cret-s3cret-s3cret").update(`${t}.${BODY}`).digest("hex")}`);
    expect(verifySignature("s3cret-s3cret-s3cret", header, BODY, NOW)).toBe(true);
  });

  it("fails for another secret, a changed body, a stale timestamp or garbage", () => {
    const header = signatureHeader("s3cret-s3cret-s3cret", BODY, NOW);
    expect(verifySignature("another-secret-xx", header, BODY, NOW)).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", header, BODY.replace("opened", "resolved"), NOW)).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", header, BODY, new Date(NOW.getTime() + 301_000))).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", "t=1,v1=zz", BODY, NOW)).toBe(false);
    expect(verifySignature("s3cret-s3cret-s3cret", null, BODY, NOW)).toBe(false);
  });
});

describe("retry schedule", () => {
  it("makes 6 tries over about an hour, doubling the wait: 2, 4, 8, 16, 32 minutes", () => {
    const delays = Array.from({ length: MAX_ATTEMPTS }, (_, i) => retryDelayMs(i + 1, () => 0.5));
    expect(delays).toEqual([2, 4, 8, 16, 32].map((m) => m * 60_000).concat(null as never));
    const total = delays.slice(0, -1).reduce((sum, d) => sum! + d!, 0)!;
    expect(total / 60_000).toBe(62);
  });

  it("jitters each wait by at most ±10%", () => {
    expect(retryDelayMs(1, () => 0)).toBe(108_000);
    expect(retryDelayMs(1, () => 1)).toBe(132_000);
  });
});
