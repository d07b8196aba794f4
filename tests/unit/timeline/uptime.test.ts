import { describe, expect, it } from "vitest";
import { uptimePercent } from "@/lib/timeline";
import { interval, utc } from "./fixtures";

const day = { start: utc("2024-01-01T00:00"), end: utc("2024-01-02T00:00"), now: utc("2024-02-01T00:00") };

describe("rule 8: uptime counts only red as downtime", () => {
  it("takes 1h of red off a 24h day", () => {
    expect(uptimePercent([interval("red", "2024-01-01T10:00", "2024-01-01T11:00")], day)).toBeCloseTo(100 * (1 - 1 / 24), 10);
  });

  it("does not count yellow (degraded) or blue (maintenance)", () => {
    const intervals = [interval("yellow", "2024-01-01T01:00", "2024-01-01T04:00"), interval("blue", "2024-01-01T05:00", "2024-01-01T07:00")];

    expect(uptimePercent(intervals, day)).toBe(100);
  });

  it("clips the window to now, so today's uptime is measured over the hours so far", () => {
    const today = { ...day, now: utc("2024-01-01T12:00") };

    expect(uptimePercent([interval("red", "2024-01-01T10:00", "2024-01-01T11:00")], today)).toBeCloseTo(100 * (1 - 1 / 12), 10);
  });

  it("only counts red inside the window", () => {
    const intervals = [interval("red", "2023-12-31T23:00", "2024-01-01T01:00")];

    expect(uptimePercent(intervals, day)).toBeCloseTo(100 * (1 - 1 / 24), 10);
  });

  it("does not count overlapping red twice", () => {
    const intervals = [interval("red", "2024-01-01T10:00", "2024-01-01T12:00"), interval("red", "2024-01-01T11:00", "2024-01-01T12:00")];

    expect(uptimePercent(intervals, day)).toBeCloseTo(100 * (1 - 2 / 24), 10);
  });

  it("is 100 for a window of zero length or entirely in the future", () => {
    const red = [interval("red", "2024-01-01T00:00", "2024-01-02T00:00")];

    expect(uptimePercent(red, { ...day, end: day.start })).toBe(100);
    expect(uptimePercent(red, { ...day, now: utc("2023-12-01T00:00") })).toBe(100);
    expect(uptimePercent(red, day)).toBe(0);
  });
});
