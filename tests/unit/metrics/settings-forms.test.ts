import { describe, expect, it } from "vitest";
import { metricsQuerySchema } from "@/lib/validation/metrics";
import { workingHoursFormSchema, workingHoursSchema } from "@/lib/validation/working-hours";

const week = {
  monday: "09:00-17:00",
  tuesday: "09:00 – 17:30",
  wednesday: "08:00-12:00",
  thursday: "00:00-24:00",
  friday: "09:00-17:00",
  saturday: "",
  sunday: " ",
};

describe("working hours form", () => {
  it("turns each day's span into minutes, an empty day into a day off", () => {
    expect(workingHoursFormSchema.parse({ timeZone: " Europe/Berlin ", ...week })).toEqual({
      timeZone: "Europe/Berlin",
      days: [{ start: 540, end: 1020 }, { start: 540, end: 1050 }, { start: 480, end: 720 }, { start: 0, end: 1440 }, { start: 540, end: 1020 }, null, null],
    });
  });

  it("names the field of an unknown time zone, a malformed span and a span that ends before it starts", () => {
    const result = workingHoursFormSchema.safeParse({ ...week, timeZone: "Mars/Olympus", monday: "9 to 5", tuesday: "17:00-09:00" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      timeZone: expect.stringContaining("time zone name"),
      monday: "Write the hours as 09:00-17:00, or leave empty for a day off.",
      tuesday: expect.stringContaining("after the start"),
    });
  });

  it("stores what it parsed in a shape the stored-value schema accepts back", () => {
    const hours = workingHoursFormSchema.parse({ timeZone: "UTC", ...week });
    expect(workingHoursSchema.parse(JSON.parse(JSON.stringify(hours)))).toEqual(hours);
    expect(workingHoursSchema.safeParse({ timeZone: "UTC", days: [null] }).success).toBe(false);
  });
});

describe("metrics query", () => {
  it("defaults to months of all components, and reads dates as calendar dates", () => {
    expect(metricsQuerySchema.parse({})).toEqual({ period: "month" });
    expect(metricsQuerySchema.parse({ period: "week", component: "git-push", from: "2020-09-01", to: "2020-09-30" })).toEqual({
      period: "week",
      component: "git-push",
      from: { year: 2020, month: 9, day: 1 },
      to: { year: 2020, month: 9, day: 30 },
    });
  });

  it("refuses an unknown period, an impossible date and a range that ends before it starts", () => {
    const fields = (input: Record<string, string>) => metricsQuerySchema.safeParse(input).error?.issues.map((issue) => issue.path[0]);
    expect(fields({ period: "year" })).toEqual(["period"]);
    expect(fields({ from: "2026-02-30" })).toEqual(["from"]);
    expect(fields({ from: "2026-03-01", to: "2026-02-01" })).toEqual(["from"]);
  });
});
