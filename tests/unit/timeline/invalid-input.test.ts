import { describe, expect, it } from "vitest";
import { currentStates, incidentIntervals, sortPosts, uptimePercent } from "@/lib/timeline";
import { COMPONENTS, PRODUCTION, incident, post, utc } from "./fixtures";

describe("invalid dates fail loudly", () => {
  const invalid = new Date("not a date");

  it("throws a TypeError for an invalid now", () => {
    const outage = incident([post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" })]);

    expect(() => incidentIntervals(outage, invalid)).toThrow(TypeError);
    expect(() => currentStates([outage], COMPONENTS, invalid)).toThrow(TypeError);
  });

  it("throws a TypeError for a post with an invalid postedAt", () => {
    const broken = { ...post("issue", "2024-01-01T10:00"), postedAt: invalid };

    expect(() => sortPosts([broken])).toThrow(TypeError);
  });

  it("throws a TypeError for an invalid uptime window", () => {
    expect(() => uptimePercent([], { start: invalid, end: utc("2024-01-02T00:00"), now: utc("2024-01-02T00:00") })).toThrow(TypeError);
  });
});
