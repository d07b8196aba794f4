import { describe, expect, it } from "vitest";
import { componentIntervals, currentStates, dailyHistory, incidentDurations, overallState } from "@/lib/timeline";
import { API, COMPONENTS, DEVELOPMENT, GIT_PUSH, HOUR, PRODUCTION, incident, post, spans, utc } from "./fixtures";

describe("rule 9: a system shows the worst of itself and its sub-components", () => {
  const platformTrouble = incident([
    post("issue", "2024-01-01T10:00", { [GIT_PUSH]: "yellow" }),
    post("update", "2024-01-01T11:00", { [API]: "red" }),
    post("update", "2024-01-01T12:00", { [API]: "green" }),
    post("resolved", "2024-01-01T14:00"),
  ]);
  const afterwards = utc("2024-01-02T00:00");

  it("turns Production red while API is red and Git push only yellow", () => {
    const states = currentStates([platformTrouble], COMPONENTS, utc("2024-01-01T11:30"));

    expect(Object.fromEntries(states)).toEqual({
      [PRODUCTION]: "red",
      [GIT_PUSH]: "yellow",
      [API]: "red",
      [DEVELOPMENT]: "green",
    });
    expect(overallState(COMPONENTS, states)).toBe("red");
  });

  it("rolls the intervals up instant by instant", () => {
    const intervals = componentIntervals([platformTrouble], COMPONENTS, afterwards);

    expect(spans(intervals.get(PRODUCTION) ?? [])).toEqual([
      ["yellow", "2024-01-01T10:00", "2024-01-01T11:00"],
      ["red", "2024-01-01T11:00", "2024-01-01T12:00"],
      ["yellow", "2024-01-01T12:00", "2024-01-01T14:00"],
    ]);
    expect(intervals.get(DEVELOPMENT)).toEqual([]);
  });

  it("rolls up the incident page's durations and day history alike", () => {
    const rows = incidentDurations(platformTrouble, COMPONENTS, afterwards);

    expect(rows.map((row) => [row.componentId, row.durations.red, row.durations.yellow])).toEqual([
      [PRODUCTION, HOUR, 3 * HOUR],
      [GIT_PUSH, 0, 4 * HOUR],
      [API, HOUR, 0],
    ]);
    const production = componentIntervals([platformTrouble], COMPONENTS, afterwards).get(PRODUCTION) ?? [];
    const [day] = dailyHistory(production, PRODUCTION, { from: utc("2024-01-01T00:00"), days: 1, now: afterwards });
    expect(day).toMatchObject({ worst: "red", durations: { red: HOUR, yellow: 3 * HOUR } });
  });

  it("keeps an unknown component's own intervals without rolling them into any system", () => {
    const strayChange = incident([post("issue", "2024-01-01T10:00", { 99: "red" }), post("resolved", "2024-01-01T11:00")]);
    const intervals = componentIntervals([strayChange], COMPONENTS, afterwards);

    expect(spans(intervals.get(99) ?? [])).toEqual([["red", "2024-01-01T10:00", "2024-01-01T11:00"]]);
    expect(intervals.get(PRODUCTION)).toEqual([]);
    expect(overallState(COMPONENTS, currentStates([strayChange], COMPONENTS, utc("2024-01-01T10:30")))).toBe("green");
  });

  it("is all green with no incidents", () => {
    const states = currentStates([], COMPONENTS, afterwards);

    expect([...states.values()]).toEqual(["green", "green", "green", "green"]);
    expect(overallState(COMPONENTS, states)).toBe("green");
  });
});
