import { describe, expect, it } from "vitest";
import { formatDuration } from "@/lib/timeline";
import { HOUR, MINUTE } from "./fixtures";

describe("formatDuration", () => {
  it.each([
    [0, "0m"],
    [1, "< 1m"],
    [59_999, "< 1m"],
    [MINUTE, "1m"],
    [45 * MINUTE, "45m"],
    [5 * HOUR, "5h"],
    [8 * HOUR, "8h"],
    [HOUR + 30 * MINUTE, "1h 30m"],
    [HOUR + 29 * MINUTE + 59_999, "1h 29m"],
    [24 * HOUR, "1d"],
    [51 * HOUR, "2d 3h"],
    [48 * HOUR + 30 * MINUTE, "2d"],
  ])("formats %i ms as %s", (ms, expected) => {
    expect(formatDuration(ms)).toBe(expected);
  });

  it("rejects negative and non-finite durations", () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
    expect(() => formatDuration(Number.NaN)).toThrow(RangeError);
  });
});
