import { describe, expect, it } from "vitest";
import { componentIntervals, currentStates, dailyHistory, incidentIntervals, incidentState, maintenanceStatus, uptimePercent } from "@/lib/timeline";
import type { TimelinePost } from "@/lib/timeline";
import { COMPONENTS, HOUR, PRODUCTION, incident, post, spans, utc } from "./fixtures";

const announcement = post("scheduled", "2024-05-01T09:00", { [PRODUCTION]: "blue" });

function databaseUpgrade(posts: TimelinePost[] = [announcement], scheduledEndAt = "2024-05-10T04:00") {
  return incident(posts, {
    kind: "maintenance",
    title: "Database upgrade",
    scheduledStartAt: utc("2024-05-10T02:00"),
    scheduledEndAt: utc(scheduledEndAt),
  });
}

describe("rule 7: maintenance acts inside its window", () => {
  it("is upcoming and has no effect before the window, although announced earlier", () => {
    const now = utc("2024-05-05T12:00");

    expect(maintenanceStatus(databaseUpgrade(), now)).toBe("upcoming");
    expect(currentStates([databaseUpgrade()], COMPONENTS, now).get(PRODUCTION)).toBe("green");
    expect(incidentIntervals(databaseUpgrade(), now)).toEqual([]);
    expect(incidentState(databaseUpgrade(), now)).toMatchObject({ open: true, startedAt: utc("2024-05-10T02:00") });
  });

  it("turns the component blue from the window start while in progress", () => {
    const now = utc("2024-05-10T03:00");

    expect(maintenanceStatus(databaseUpgrade(), now)).toBe("in_progress");
    expect(currentStates([databaseUpgrade()], COMPONENTS, now).get(PRODUCTION)).toBe("blue");
    expect(spans(incidentIntervals(databaseUpgrade(), now))).toEqual([["blue", "2024-05-10T02:00", "2024-05-10T03:00"]]);
  });

  it("completes by itself at the window end, with no resolved post", () => {
    const now = utc("2024-05-10T06:00");

    expect(maintenanceStatus(databaseUpgrade(), now)).toBe("completed");
    expect(currentStates([databaseUpgrade()], COMPONENTS, now).get(PRODUCTION)).toBe("green");
    expect(spans(incidentIntervals(databaseUpgrade(), now))).toEqual([["blue", "2024-05-10T02:00", "2024-05-10T04:00"]]);
    expect(incidentState(databaseUpgrade(), now)).toMatchObject({ open: false, endedAt: utc("2024-05-10T04:00") });
  });

  it("ends early at a resolved post", () => {
    const endedEarly = databaseUpgrade([announcement, post("resolved", "2024-05-10T03:15")]);
    const now = utc("2024-05-10T03:20");

    expect(maintenanceStatus(endedEarly, now)).toBe("completed");
    expect(spans(incidentIntervals(endedEarly, now))).toEqual([["blue", "2024-05-10T02:00", "2024-05-10T03:15"]]);
    expect(incidentState(endedEarly, now).endedAt).toEqual(utc("2024-05-10T03:15"));
  });

  it("runs on when extended with a later scheduledEndAt", () => {
    const now = utc("2024-05-10T04:30");

    expect(maintenanceStatus(databaseUpgrade([announcement], "2024-05-10T05:00"), now)).toBe("in_progress");
    expect(currentStates([databaseUpgrade([announcement], "2024-05-10T05:00")], COMPONENTS, now).get(PRODUCTION)).toBe("blue");
  });

  it("applies a red update at its postedAt when the work goes wrong", () => {
    const wentWrong = databaseUpgrade([announcement, post("update", "2024-05-10T03:00", { [PRODUCTION]: "red" })]);

    expect(spans(incidentIntervals(wentWrong, utc("2024-05-11T00:00")))).toEqual([
      ["blue", "2024-05-10T02:00", "2024-05-10T03:00"],
      ["red", "2024-05-10T03:00", "2024-05-10T04:00"],
    ]);
  });

  it("takes a scheduled post made after the window start into effect when posted", () => {
    const lateAnnouncement = databaseUpgrade([post("scheduled", "2024-05-10T02:30", { [PRODUCTION]: "blue" })]);

    expect(spans(incidentIntervals(lateAnnouncement, utc("2024-05-11T00:00")))).toEqual([["blue", "2024-05-10T02:30", "2024-05-10T04:00"]]);
  });

  it("does not count blue as downtime", () => {
    const now = utc("2024-05-11T00:00");
    const intervals = componentIntervals([databaseUpgrade()], COMPONENTS, now).get(PRODUCTION) ?? [];
    const [day] = dailyHistory(intervals, PRODUCTION, { from: utc("2024-05-10T00:00"), days: 1, now });

    expect(day).toMatchObject({ worst: "blue", uptimePercent: 100 });
    expect(day?.durations.blue).toBe(2 * HOUR);
    expect(uptimePercent(intervals, { start: utc("2024-05-10T00:00"), end: now, now })).toBe(100);
  });
});
