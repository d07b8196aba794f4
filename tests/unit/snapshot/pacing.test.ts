// The snapshot writer's pacing (lib/snapshot/writer.ts): after a collection that took T, the next
// waits until REST_FACTOR × T after it ended, so long incidents cannot keep the writer running back to back.
import { describe, expect, it } from "vitest";
import { pacedDelay } from "@/lib/snapshot/writer";

describe("pacedDelay", () => {
  it("keeps the requested delay before the first write", () => {
    expect(pacedDelay(250, null, 1_000)).toBe(250);
  });

  it("keeps the requested delay after a quick collection", () => {
    // 200 ms of work ended 2 s ago: resting 600 ms is long over.
    expect(pacedDelay(250, { endedAt: 8_000, tookMs: 200 }, 10_000)).toBe(250);
  });

  it("waits three times a long collection's duration after it ended", () => {
    // 8 s of work ended just now: the next starts 24 s later, whatever a publish asked for.
    expect(pacedDelay(250, { endedAt: 10_000, tookMs: 8_000 }, 10_000)).toBe(24_000);
    expect(pacedDelay(0, { endedAt: 10_000, tookMs: 8_000 }, 20_000)).toBe(14_000);
  });

  it("never shortens a longer requested delay", () => {
    expect(pacedDelay(60_000, { endedAt: 10_000, tookMs: 1_000 }, 10_000)).toBe(60_000);
  });
});
