import { describe, expect, it } from "vitest";
import { componentIntervals, currentStates, dailyHistory } from "@/lib/timeline";
import { COMPONENTS, HOUR, PRODUCTION, incident, post, spans, utc } from "./fixtures";

describe("rule 6: overlapping incidents on one component, the worst state wins", () => {
  const slowDeploys = incident([post("issue", "2024-01-01T10:00", { [PRODUCTION]: "yellow" }), post("resolved", "2024-01-01T16:00")]);
  const databaseOutage = incident([post("issue", "2024-01-01T12:00", { [PRODUCTION]: "red" }), post("resolved", "2024-01-01T13:00")], { id: 2, number: 2 });
  const afterwards = utc("2024-01-02T00:00");

  it("splits the yellow incident around the red one", () => {
    const intervals = componentIntervals([slowDeploys, databaseOutage], COMPONENTS, afterwards);

    expect(spans(intervals.get(PRODUCTION) ?? [])).toEqual([
      ["yellow", "2024-01-01T10:00", "2024-01-01T12:00"],
      ["red", "2024-01-01T12:00", "2024-01-01T13:00"],
      ["yellow", "2024-01-01T13:00", "2024-01-01T16:00"],
    ]);
  });

  it("counts red 1h and yellow 5h for the day, not 6h of yellow", () => {
    const intervals = componentIntervals([slowDeploys, databaseOutage], COMPONENTS, afterwards).get(PRODUCTION) ?? [];
    const [day] = dailyHistory(intervals, PRODUCTION, { from: utc("2024-01-01T00:00"), days: 1, now: afterwards });

    expect(day?.durations).toEqual({ red: HOUR, yellow: 5 * HOUR, blue: 0, green: 18 * HOUR });
  });

  it("shows red while both are open and yellow once the red one is resolved", () => {
    expect(currentStates([slowDeploys, databaseOutage], COMPONENTS, utc("2024-01-01T12:30")).get(PRODUCTION)).toBe("red");
    expect(currentStates([slowDeploys, databaseOutage], COMPONENTS, utc("2024-01-01T14:00")).get(PRODUCTION)).toBe("yellow");
  });

  it("joins back-to-back incidents in the same state into one interval", () => {
    const morning = incident([post("issue", "2024-01-01T10:00", { [PRODUCTION]: "yellow" }), post("resolved", "2024-01-01T12:00")]);
    const afternoon = incident([post("issue", "2024-01-01T12:00", { [PRODUCTION]: "yellow" }), post("resolved", "2024-01-01T14:00")], { id: 2 });

    expect(spans(componentIntervals([morning, afternoon], COMPONENTS, afterwards).get(PRODUCTION) ?? [])).toEqual([
      ["yellow", "2024-01-01T10:00", "2024-01-01T14:00"],
    ]);
  });
});
