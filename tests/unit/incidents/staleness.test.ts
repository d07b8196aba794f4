import { describe, expect, it } from "vitest";
import { describeMinutesAgo, updateAge } from "@/lib/incidents/staleness";
import type { TimelineIncident } from "@/lib/timeline/types";

const NOW = new Date("2026-11-22T12:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const incident = (...postedMinutesAgo: number[]): TimelineIncident => ({
  id: 1,
  number: 1,
  title: "t",
  kind: "incident",
  openedAt: ago(Math.max(...postedMinutesAgo)),
  scheduledStartAt: null,
  scheduledEndAt: null,
  componentIds: [],
  posts: postedMinutesAgo.map((m, i) => ({ id: i + 1, type: i === 0 ? "investigating" : "update", postedAt: ago(m), createdAt: ago(m), stateChanges: [] })),
});

describe("update age of an open incident", () => {
  it("counts from the latest post and turns stale at the threshold", () => {
    expect(updateAge(incident(90, 47), NOW, 30)).toMatchObject({ minutes: 47, stale: true, label: "47 min ago" });
    expect(updateAge(incident(90, 29), NOW, 30)).toMatchObject({ minutes: 29, stale: false });
    expect(updateAge(incident(30), NOW, 30).stale).toBe(true);
    expect(updateAge(incident(47), NOW, 60).stale).toBe(false);
  });

  it("words ages people read at a glance", () => {
    expect(describeMinutesAgo(0)).toBe("less than a minute ago");
    expect(describeMinutesAgo(60)).toBe("1 h ago");
    expect(describeMinutesAgo(125)).toBe("2 h 5 min ago");
    expect(describeMinutesAgo(3 * 24 * 60)).toBe("3 days ago");
  });
});
