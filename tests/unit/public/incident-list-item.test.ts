// A history line for a maintenance cancelled before its window began: its end precedes its start.
// It rendered with a negative duration, which threw, failing /history and every snapshot after it.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { IncidentListItem } from "@/components/public/IncidentListItem";
import type { IncidentView } from "@/lib/public/views";

const START = new Date("2026-12-03T02:00:00Z");

function view(endedAt: Date | null): IncidentView {
  return {
    incident: {
      id: 1,
      number: 9001,
      title: "Database maintenance",
      kind: "maintenance",
      openedAt: new Date("2026-12-01T10:00:00Z"),
      scheduledStartAt: START,
      scheduledEndAt: new Date("2026-12-03T03:00:00Z"),
      componentIds: [],
      posts: [],
      resolvedAt: endedAt,
      updatedAt: endedAt ?? START,
    },
    state: { open: false, current: "green", worst: "green", startedAt: START, endedAt, lastPostAt: endedAt },
    maintenance: "completed",
    durations: [],
    affected: [],
  };
}

describe("IncidentListItem", () => {
  it("says how long a finished incident lasted", () => {
    expect(renderToStaticMarkup(IncidentListItem({ view: view(new Date("2026-12-03T03:30:00Z")), now: START }))).toContain("lasted 1h 30m");
  });

  it("renders a maintenance cancelled before it began, without a duration", () => {
    const html = renderToStaticMarkup(IncidentListItem({ view: view(new Date("2026-12-01T12:00:00Z")), now: START }));
    expect(html).toContain("Database maintenance");
    expect(html).not.toContain("lasted");
  });
});
