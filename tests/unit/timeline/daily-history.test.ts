import { describe, expect, it } from "vitest";
import { dailyHistory } from "@/lib/timeline";
import { HOUR, PRODUCTION, interval, utc } from "./fixtures";

const DAY = 24 * HOUR;

describe("rule 10: daily history uses UTC days", () => {
  it("splits an outage from 22:00 to 02:00 into 2h on each day", () => {
    const history = dailyHistory([interval("red", "2024-03-01T22:00", "2024-03-02T02:00")], PRODUCTION, {
      from: utc("2024-03-01T00:00"),
      days: 2,
      now: utc("2024-04-01T00:00"),
    });

    expect(history.map((day) => [day.day, day.durations.red, day.durations.green, day.worst])).toEqual([
      ["2024-03-01", 2 * HOUR, 22 * HOUR, "red"],
      ["2024-03-02", 2 * HOUR, 22 * HOUR, "red"],
    ]);
    expect(history[0]?.uptimePercent).toBeCloseTo(100 * (1 - 2 / 24), 10);
  });

  it("covers a 90-day window, measuring today only up to now", () => {
    const intervals = [
      interval("red", "2024-01-15T10:00", "2024-01-15T11:00"),
      interval("yellow", "2024-03-30T08:00", "2024-03-30T09:00"),
      interval("red", "2024-01-15T10:00", "2024-01-15T11:00", 2),
    ];
    const history = dailyHistory(intervals, PRODUCTION, {
      from: utc("2024-01-01T00:00"),
      days: 90,
      now: utc("2024-03-30T12:00"),
    });

    expect(history).toHaveLength(90);
    expect(history[0]?.day).toBe("2024-01-01");
    expect(history[59]?.day).toBe("2024-02-29");
    expect(history[89]).toMatchObject({
      day: "2024-03-30",
      measuredMs: 12 * HOUR,
      worst: "yellow",
      uptimePercent: 100,
      durations: { yellow: HOUR, green: 11 * HOUR, red: 0, blue: 0 },
    });
    expect(history[14]).toMatchObject({ day: "2024-01-15", worst: "red", measuredMs: DAY });
    expect(history.filter((day) => day.worst !== "green").map((day) => day.day)).toEqual(["2024-01-15", "2024-03-30"]);
  });

  it("leaves days after now unmeasured: green, 100%, measuredMs 0", () => {
    const history = dailyHistory([], PRODUCTION, { from: utc("2024-03-30T00:00"), days: 2, now: utc("2024-03-30T12:00") });

    expect(history[1]).toEqual({
      day: "2024-03-31",
      durations: { green: 0, blue: 0, yellow: 0, red: 0 },
      worst: "green",
      uptimePercent: 100,
      measuredMs: 0,
    });
  });

  it("rejects a start that is not a UTC midnight, and a bad day count", () => {
    const now = utc("2024-04-01T00:00");

    expect(() => dailyHistory([], PRODUCTION, { from: utc("2024-03-01T01:00"), days: 1, now })).toThrow(RangeError);
    expect(() => dailyHistory([], PRODUCTION, { from: utc("2024-03-01T00:00"), days: -1, now })).toThrow(RangeError);
  });
});
