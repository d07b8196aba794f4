import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS, demoDataset, demoToTimeline, numberedComponents } from "@/lib/demo";
import { impactMarkdown, postmortemImpact } from "@/lib/postmortems/impact";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const components = numberedComponents(DEMO_COMPONENTS);
const componentIds = new Map(components.map((component) => [component.slug, component.id]));

function impactOf(number: number, now = NOW) {
  const incident = demoDataset(NOW).incidents.find((candidate) => candidate.number === number)!;
  return postmortemImpact(demoToTimeline(incident, componentIds), components, now);
}

const byName = (impact: ReturnType<typeof impactOf>) => Object.fromEntries(impact.components.map((entry) => [entry.name, entry.minutes]));

describe("postmortem impact, from the timeline core", () => {
  it("#2105: Git push (and so Production) degraded 90 minutes, 14:02–15:32 UTC, four public updates", () => {
    const impact = impactOf(2105);
    expect(impact.startedAt.toISOString()).toBe("2020-09-03T14:02:00.000Z");
    expect(impact.endedAt?.toISOString()).toBe("2020-09-03T15:32:00.000Z");
    expect(impact.publicUpdates).toBe(4);
    expect(byName(impact)).toEqual({ Production: { red: 0, yellow: 90, blue: 0 }, "Git push": { red: 0, yellow: 90, blue: 0 } });
  });

  it("#386 (the 2012 outage): Production and Development red 300 and yellow 480 minutes, eight public updates", () => {
    const impact = impactOf(386);
    expect(impact.startedAt.toISOString()).toBe("2012-06-30T03:18:00.000Z");
    expect(impact.endedAt?.toISOString()).toBe("2012-06-30T16:25:00.000Z");
    expect(impact.publicUpdates).toBe(8);
    expect(byName(impact)).toEqual({ Production: { red: 300, yellow: 480, blue: 0 }, Development: { red: 300, yellow: 480, blue: 0 } });
  });

  it("counts only what customers could see by `now`: an open incident has no end and fewer updates", () => {
    const impact = impactOf(2105, new Date("2020-09-03T14:30:00Z"));
    expect(impact.endedAt).toBeNull();
    expect(impact.publicUpdates).toBe(2);
    expect(byName(impact)["Git push"]).toEqual({ red: 0, yellow: 28, blue: 0 });
  });

  it("writes the figures as the draft's Impact section", () => {
    expect(impactMarkdown(impactOf(386))).toBe(
      [
        "Customers were affected from Jun 30, 2012 03:18 UTC to Jun 30, 2012 16:25 UTC (13h 7m).",
        "",
        "- Production: Outage 5h · Degraded 8h",
        "- Development: Outage 5h · Degraded 8h",
        "",
        "We posted 8 updates on the status page.",
      ].join("\n"),
    );
  });
});
