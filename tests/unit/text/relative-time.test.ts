import { describe, expect, it } from "vitest";
import { relativeTime } from "@/lib/text/relative-time";
import { formatUtc } from "@/lib/text/format-time";

const now = new Date("2013-07-01T12:00:00Z");
const ago = (ms: number) => relativeTime(new Date(now.getTime() - ms), now);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("relativeTime", () => {
  it.each([
    [10_000, "less than a minute ago"],
    [1 * MIN, "1 minute ago"],
    [47 * MIN, "about an hour ago"],
    [44 * MIN, "44 minutes ago"],
    [5 * HOUR, "about 5 hours ago"],
    [30 * HOUR, "1 day ago"],
    [3 * DAY, "3 days ago"],
    [40 * DAY, "about a month ago"],
    [100 * DAY, "3 months ago"],
    [366 * DAY, "about a year ago"],
    [365 * DAY * 14 + 150 * DAY, "over 14 years ago"],
    [365 * DAY * 2 + 300 * DAY, "almost 3 years ago"],
  ])("%i ms before now reads %s", (ms, expected) => {
    expect(ago(ms)).toBe(expected);
  });

  it("speaks of the future for upcoming maintenance", () => {
    expect(relativeTime(new Date(now.getTime() + 3 * DAY), now)).toBe("in 3 days");
  });
});

describe("formatUtc", () => {
  it("prints Heroku-style UTC times", () => {
    expect(formatUtc(new Date("2012-06-30T03:49:00Z"))).toBe("Jun 30, 2012 03:49 UTC");
    expect(formatUtc(new Date("2020-09-03T00:05:00Z"))).toBe("Sep 3, 2020 00:05 UTC");
  });
});
