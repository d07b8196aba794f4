import { describe, expect, it } from "vitest";
import { currentStates, formatDuration, incidentDurations, incidentState, overallState } from "@/lib/timeline";
import { COMPONENTS, DEVELOPMENT, GIT_PUSH, HOUR, MINUTE, PRODUCTION, incident, post, utc, widespreadApplicationOutage } from "./fixtures";

describe("demo: Widespread Application Outage, 30 June 2012", () => {
  const outage = widespreadApplicationOutage();
  const later = utc("2012-07-01T00:00");

  it("shows both systems red 5h and yellow 8h", () => {
    const rows = incidentDurations(outage, COMPONENTS, later);

    expect(rows.map((row) => row.componentId)).toEqual([PRODUCTION, DEVELOPMENT]);
    for (const { durations } of rows) {
      expect(durations.red).toBe(18_000_000);
      expect(durations.yellow).toBe(28_800_000);
      expect(durations.blue).toBe(0);
      expect(formatDuration(durations.red)).toBe("5h");
      expect(formatDuration(durations.yellow)).toBe("8h");
    }
  });

  it("counts the 7 minutes of investigating before the first state change as green", () => {
    const [production] = incidentDurations(outage, COMPONENTS, later);

    expect(production?.durations.green).toBe(7 * MINUTE);
  });

  it("is resolved at 16:25 after reaching red, with the last update at the resolution", () => {
    expect(incidentState(outage, later)).toEqual({
      open: false,
      current: "green",
      worst: "red",
      startedAt: utc("2012-06-30T03:18"),
      endedAt: utc("2012-06-30T16:25"),
      lastPostAt: utc("2012-06-30T16:25"),
    });
  });

  it("shows the page yellow at 10:00 that day, before the later posts were made", () => {
    const states = currentStates([outage], COMPONENTS, utc("2012-06-30T10:00"));

    expect(states.get(PRODUCTION)).toBe("yellow");
    expect(states.get(DEVELOPMENT)).toBe("yellow");
    expect(overallState(COMPONENTS, states)).toBe("yellow");
  });
});

describe("demo: incident #2105, 3 Sep 2020, Git push degraded", () => {
  const gitPushIncident = incident(
    [post("investigating", "2020-09-03T14:03", { [GIT_PUSH]: "yellow" }), post("update", "2020-09-03T14:40"), post("resolved", "2020-09-03T15:33")],
    { number: 2105, title: "Git push degraded", componentIds: [GIT_PUSH] },
  );

  it("rolls Git push's yellow up into Production for the same 1h 30m, leaving Development out", () => {
    const rows = incidentDurations(gitPushIncident, COMPONENTS, utc("2020-09-04T00:00"));

    expect(rows.map((row) => row.componentId)).toEqual([PRODUCTION, GIT_PUSH]);
    for (const { durations } of rows) {
      expect(durations.yellow).toBe(HOUR + 30 * MINUTE);
      expect(durations.red).toBe(0);
      expect(formatDuration(durations.yellow)).toBe("1h 30m");
    }
  });
});
