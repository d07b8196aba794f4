import { describe, expect, it } from "vitest";
import { nextBoundary } from "@/lib/public/maintenance-clock";

const at = (iso: string) => new Date(iso);

describe("nextBoundary", () => {
  const now = at("2026-11-22T10:00:00Z");

  it("is the earliest future start or end", () => {
    const windows = [
      { scheduledStartAt: at("2026-11-22T12:00:00Z"), scheduledEndAt: at("2026-11-22T14:00:00Z") },
      // In progress: only its end lies ahead.
      { scheduledStartAt: at("2026-11-22T09:00:00Z"), scheduledEndAt: at("2026-11-22T11:00:00Z") },
    ];
    expect(nextBoundary(windows, now)).toEqual(at("2026-11-22T11:00:00Z"));
  });

  it("ignores boundaries at or before now, and windows without times", () => {
    const windows = [
      { scheduledStartAt: now, scheduledEndAt: at("2026-11-22T10:30:00Z") },
      { scheduledStartAt: null, scheduledEndAt: null },
    ];
    expect(nextBoundary(windows, now)).toEqual(at("2026-11-22T10:30:00Z"));
    expect(nextBoundary([{ scheduledStartAt: at("2026-11-22T08:00:00Z"), scheduledEndAt: at("2026-11-22T09:00:00Z") }], now)).toBeNull();
    expect(nextBoundary([], now)).toBeNull();
  });
});
