import { describe, expect, it } from "vitest";
import { currentStates, incidentIntervals, incidentState } from "@/lib/timeline";
import { COMPONENTS, DEVELOPMENT, PRODUCTION, incident, post, spans, utc } from "./fixtures";

const afterwards = utc("2024-01-02T00:00");

describe("rule 2: a component's state runs from the post that sets it until its next change", () => {
  it("has no effect before the first post that changes it", () => {
    const outage = incident([
      post("investigating", "2024-01-01T09:00"),
      post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" }),
      post("resolved", "2024-01-01T11:00"),
    ]);

    expect(spans(incidentIntervals(outage, afterwards))).toEqual([["red", "2024-01-01T10:00", "2024-01-01T11:00"]]);
    expect(incidentState(outage, afterwards).startedAt).toEqual(utc("2024-01-01T09:00"));
  });

  it("keeps a component's state while other components change, and switches on its own change", () => {
    const outage = incident([
      post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" }),
      post("update", "2024-01-01T10:30", { [DEVELOPMENT]: "yellow" }),
      post("update", "2024-01-01T11:00", { [PRODUCTION]: "red" }),
      post("update", "2024-01-01T12:00", { [PRODUCTION]: "yellow", [DEVELOPMENT]: "green" }),
      post("resolved", "2024-01-01T13:00"),
    ]);

    expect(spans(incidentIntervals(outage, afterwards))).toEqual([
      ["red", "2024-01-01T10:00", "2024-01-01T12:00"],
      ["yellow", "2024-01-01T12:00", "2024-01-01T13:00"],
      ["yellow", "2024-01-01T10:30", "2024-01-01T12:00"],
    ]);
  });
});

describe("rule 3: a post without state changes changes nothing", () => {
  it("leaves the intervals as they were but becomes the last update", () => {
    const withoutNote = [post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" }), post("resolved", "2024-01-01T12:00")];
    const withNote = [...withoutNote, post("update", "2024-01-01T11:00")];
    const now = utc("2024-01-01T11:30");

    expect(incidentIntervals(incident(withNote), now)).toEqual(incidentIntervals(incident(withoutNote), now));
    expect(incidentState(incident(withNote), now).lastPostAt).toEqual(utc("2024-01-01T11:00"));
  });
});

describe("rule 4: a resolved post ends the incident and returns everything to green", () => {
  it("turns every component green at the resolution, ignoring state changes on the resolved post", () => {
    const outage = incident([
      post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red", [DEVELOPMENT]: "yellow" }),
      post("resolved", "2024-01-01T11:00", { [PRODUCTION]: "red" }),
    ]);

    expect(spans(incidentIntervals(outage, afterwards))).toEqual([
      ["red", "2024-01-01T10:00", "2024-01-01T11:00"],
      ["yellow", "2024-01-01T10:00", "2024-01-01T11:00"],
    ]);
    const states = currentStates([outage], COMPONENTS, afterwards);
    expect(states.get(PRODUCTION)).toBe("green");
    expect(states.get(DEVELOPMENT)).toBe("green");
    expect(incidentState(outage, afterwards)).toMatchObject({ open: false, current: "green", worst: "red" });
  });

  it("re-opens on a later post, with components starting again from no effect", () => {
    const posts = [post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" }), post("resolved", "2024-01-01T11:00"), post("update", "2024-01-01T12:00")];
    const reopened = incident(posts);
    const now = utc("2024-01-01T14:00");

    expect(incidentState(reopened, now)).toMatchObject({ open: true, current: "green", endedAt: null });
    expect(spans(incidentIntervals(reopened, now))).toEqual([["red", "2024-01-01T10:00", "2024-01-01T11:00"]]);

    const degradedAgain = incident([...posts, post("update", "2024-01-01T13:00", { [PRODUCTION]: "yellow" })]);
    expect(spans(incidentIntervals(degradedAgain, now))).toEqual([
      ["red", "2024-01-01T10:00", "2024-01-01T11:00"],
      ["yellow", "2024-01-01T13:00", "2024-01-01T14:00"],
    ]);
    expect(incidentState(degradedAgain, now).current).toBe("yellow");
  });
});

describe("rule 5: nothing is computed past now", () => {
  it("runs an open incident's intervals to now", () => {
    const ongoing = incident([post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" })]);
    const now = utc("2024-01-01T12:30");

    expect(spans(incidentIntervals(ongoing, now))).toEqual([["red", "2024-01-01T10:00", "2024-01-01T12:30"]]);
    expect(incidentState(ongoing, now)).toMatchObject({ open: true, current: "red", endedAt: null });
    expect(currentStates([ongoing], COMPONENTS, now).get(PRODUCTION)).toBe("red");
  });

  it("ignores a future-dated post until its time has come", () => {
    const scheduledFix = incident([
      post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" }),
      post("update", "2024-01-01T14:00", { [DEVELOPMENT]: "red" }),
      post("resolved", "2024-01-01T15:00"),
    ]);
    const beforeIt = utc("2024-01-01T12:00");

    expect(incidentState(scheduledFix, beforeIt)).toMatchObject({ open: true, lastPostAt: utc("2024-01-01T10:00") });
    expect(spans(incidentIntervals(scheduledFix, beforeIt))).toEqual([["red", "2024-01-01T10:00", "2024-01-01T12:00"]]);
    expect(currentStates([scheduledFix], COMPONENTS, beforeIt).get(DEVELOPMENT)).toBe("green");

    expect(incidentState(scheduledFix, afterwards)).toMatchObject({ open: false, endedAt: utc("2024-01-01T15:00") });
  });

  it("applies a post made exactly at now", () => {
    const justPosted = incident([post("issue", "2024-01-01T10:00", { [PRODUCTION]: "red" })]);

    expect(currentStates([justPosted], COMPONENTS, utc("2024-01-01T10:00")).get(PRODUCTION)).toBe("red");
    expect(incidentIntervals(justPosted, utc("2024-01-01T10:00"))).toEqual([]);
  });
});
