import { describe, expect, it } from "vitest";
import { periodsBetween, recentPeriods } from "@/lib/metrics/periods";
import { isWorkingTime, type WorkingHours } from "@/lib/metrics/working-hours";
import { localTime, zonedInstant } from "@/lib/metrics/zoned-time";

const iso = (date: Date) => date.toISOString();
const spans = (periods: ReturnType<typeof periodsBetween>) => periods.map((period) => [period.label, iso(period.start), iso(period.end)]);

describe("periods in a time zone", () => {
  it("cuts ISO weeks at local Monday midnight, a week across the spring DST change lasting 167 hours", () => {
    const weeks = periodsBetween("week", { year: 2026, month: 3, day: 25 }, { year: 2026, month: 4, day: 1 }, "Europe/Berlin");
    expect(spans(weeks)).toEqual([
      ["2026-W13", "2026-03-22T23:00:00.000Z", "2026-03-29T22:00:00.000Z"],
      ["2026-W14", "2026-03-29T22:00:00.000Z", "2026-04-05T22:00:00.000Z"],
    ]);
    expect((weeks[0]!.end.getTime() - weeks[0]!.start.getTime()) / 3_600_000).toBe(167);
  });

  it("names a week by the year of its Thursday (ISO 8601)", () => {
    const weeks = periodsBetween("week", { year: 2020, month: 12, day: 30 }, { year: 2021, month: 1, day: 5 }, "UTC");
    expect(weeks.map((week) => week.label)).toEqual(["2020-W53", "2021-W01"]);
    expect(periodsBetween("week", { year: 2012, month: 6, day: 30 }, { year: 2012, month: 6, day: 30 }, "UTC").map((week) => week.label)).toEqual(["2012-W26"]);
  });

  it("cuts months and quarters at local midnight of their first day", () => {
    expect(spans(periodsBetween("month", { year: 2026, month: 10, day: 12 }, { year: 2026, month: 11, day: 3 }, "America/New_York"))).toEqual([
      ["2026-10", "2026-10-01T04:00:00.000Z", "2026-11-01T04:00:00.000Z"],
      ["2026-11", "2026-11-01T04:00:00.000Z", "2026-12-01T05:00:00.000Z"],
    ]);
    expect(spans(periodsBetween("quarter", { year: 2012, month: 6, day: 30 }, { year: 2012, month: 7, day: 1 }, "UTC"))).toEqual([
      ["2012-Q2", "2012-04-01T00:00:00.000Z", "2012-07-01T00:00:00.000Z"],
      ["2012-Q3", "2012-07-01T00:00:00.000Z", "2012-10-01T00:00:00.000Z"],
    ]);
  });

  it("stops one period past a limit", () => {
    const weeks = periodsBetween("week", { year: 1970, month: 1, day: 1 }, { year: 9999, month: 12, day: 31 }, "UTC", 260);
    expect(weeks).toHaveLength(261);
  });

  it("lists the last N periods up to the one containing now, by the local date", () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    const now = new Date("2026-12-31T23:30:00Z");
    expect(recentPeriods("month", 3, now, "Europe/Berlin").map((period) => period.label)).toEqual(["2026-11", "2026-12", "2027-01"]);
    expect(recentPeriods("quarter", 2, now, "UTC").map((period) => period.label)).toEqual(["2026-Q3", "2026-Q4"]);
  });
});

describe("zoned time", () => {
  it("reads local wall-clock time on both sides of a DST change", () => {
    expect(localTime(new Date("2026-03-29T00:59:00Z"), "Europe/Berlin")).toEqual({ year: 2026, month: 3, day: 29, weekday: 7, minuteOfDay: 1 * 60 + 59 });
    expect(localTime(new Date("2026-03-29T01:00:00Z"), "Europe/Berlin")).toEqual({ year: 2026, month: 3, day: 29, weekday: 7, minuteOfDay: 3 * 60 });
  });

  it("finds the instant of a local time; a time the change skips lands an hour later", () => {
    expect(iso(zonedInstant({ year: 2026, month: 7, day: 1 }, "Europe/Berlin", 9 * 60))).toBe("2026-07-01T07:00:00.000Z");
    expect(iso(zonedInstant({ year: 2026, month: 1, day: 1 }, "Europe/Berlin", 9 * 60))).toBe("2026-01-01T08:00:00.000Z");
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 29 }, "Europe/Berlin", 2 * 60 + 30))).toBe("2026-03-29T01:30:00.000Z");
  });
});

describe("working hours", () => {
  const weekdaysNineToFive = { start: 9 * 60, end: 17 * 60 };
  const berlin: WorkingHours = {
    timeZone: "Europe/Berlin",
    days: [weekdaysNineToFive, weekdaysNineToFive, weekdaysNineToFive, weekdaysNineToFive, weekdaysNineToFive, null, { start: 0, end: 6 * 60 }],
  };

  it("follows the local clock across DST: 07:30 UTC is outside 09:00–17:00 in winter, inside in summer", () => {
    expect(isWorkingTime(new Date("2026-03-23T07:30:00Z"), berlin)).toBe(false); // 08:30 CET
    expect(isWorkingTime(new Date("2026-03-30T07:30:00Z"), berlin)).toBe(true); // 09:30 CEST
    expect(isWorkingTime(new Date("2026-03-30T15:30:00Z"), berlin)).toBe(false); // 17:30 CEST
  });

  it("keeps a span correct on the night of the change itself (Sunday 00:00–06:00, clocks jump at 02:00)", () => {
    expect(isWorkingTime(new Date("2026-03-29T00:30:00Z"), berlin)).toBe(true); // 01:30 CET
    expect(isWorkingTime(new Date("2026-03-29T03:30:00Z"), berlin)).toBe(true); // 05:30 CEST
    expect(isWorkingTime(new Date("2026-03-29T04:00:00Z"), berlin)).toBe(false); // 06:00 CEST: the span has ended
    // In winter the same UTC instant is 05:00 CET, still inside.
    expect(isWorkingTime(new Date("2026-03-22T04:00:00Z"), berlin)).toBe(true);
  });

  it("treats a day off as out of hours all day, by the local weekday", () => {
    expect(isWorkingTime(new Date("2026-03-28T12:00:00Z"), berlin)).toBe(false); // Saturday
    // Friday 23:30 UTC is Saturday 08:30 in Tokyo.
    expect(isWorkingTime(new Date("2026-03-27T23:30:00Z"), { ...berlin, timeZone: "Asia/Tokyo" })).toBe(false);
    expect(isWorkingTime(new Date("2026-03-27T03:30:00Z"), { ...berlin, timeZone: "Asia/Tokyo" })).toBe(true);
  });
});
