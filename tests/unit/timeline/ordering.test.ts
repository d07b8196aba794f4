import { describe, expect, it } from "vitest";
import { incidentDurations, incidentIntervals, sortPosts } from "@/lib/timeline";
import { COMPONENTS, HOUR, PRODUCTION, incident, post, spans, utc } from "./fixtures";

describe("rule 1: posts are ordered by postedAt, then createdAt, then id", () => {
  it("orders by postedAt, breaks ties by createdAt and then id, without touching the input", () => {
    const posts = [
      post("update", "2024-01-01T12:00", {}, { id: 5 }),
      post("update", "2024-01-01T10:00", {}, { id: 4, createdAt: "2024-01-01T10:05" }),
      post("update", "2024-01-01T10:00", {}, { id: 3, createdAt: "2024-01-01T10:01" }),
      post("update", "2024-01-01T10:00", {}, { id: 1, createdAt: "2024-01-01T10:01" }),
    ];

    expect(sortPosts(posts).map((each) => each.id)).toEqual([1, 3, 4, 5]);
    expect(posts.map((each) => each.id)).toEqual([5, 4, 3, 1]);
  });

  it("places a backdated post at its postedAt, not when it was written", () => {
    const backdated = incident([
      post("issue", "2024-01-01T10:00", { [PRODUCTION]: "yellow" }),
      post("update", "2024-01-01T12:00", { [PRODUCTION]: "red" }),
      // Written at 14:00, after the resolution, but says the outage really began at 11:00.
      post("update", "2024-01-01T11:00", { [PRODUCTION]: "red" }, { createdAt: "2024-01-01T14:00" }),
      post("resolved", "2024-01-01T13:00"),
    ]);
    const now = utc("2024-01-02T00:00");

    expect(spans(incidentIntervals(backdated, now))).toEqual([
      ["yellow", "2024-01-01T10:00", "2024-01-01T11:00"],
      ["red", "2024-01-01T11:00", "2024-01-01T13:00"],
    ]);
    const [production] = incidentDurations(backdated, COMPONENTS, now);
    expect(production?.durations).toMatchObject({ yellow: HOUR, red: 2 * HOUR });
  });
});
