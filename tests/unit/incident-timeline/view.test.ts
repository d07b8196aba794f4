import { describe, expect, it } from "vitest";
import { deploysBeforeIncident, incidentDeploys } from "@/lib/deploys/history";
import { incidentTimeline, timelineFilterOf, type InternalEntry, type TimelineParts } from "@/lib/incident-timeline/view";
import { utc } from "../timeline/fixtures";
import { deploy } from "../deploys/fixtures";

const post = (id: number, at: string, createdAt = at) => ({ id, postedAt: utc(at), createdAt: utc(createdAt) });

function entry(id: number, kind: InternalEntry["kind"], at: string, body = ""): InternalEntry {
  return {
    id,
    kind,
    occurredAt: utc(at),
    authorLabel: "ada@example.com",
    body,
    linkTitle: null,
    linkUrl: null,
    fromUser: null,
    toUser: null,
    systemCode: null,
    environment: null,
  };
}

const started = utc("2020-09-03T14:02");
const before = [deploy("git-server", "g7", "2020-09-03T12:30"), deploy("git-server", "g8", "2020-09-03T13:40")];
const revert = deploy("git-server", "g7", "2020-09-03T14:40");

function parts(overrides: Partial<TimelineParts<ReturnType<typeof post>>> = {}): TimelineParts<ReturnType<typeof post>> {
  return {
    posts: [post(1, "2020-09-03T14:02"), post(2, "2020-09-03T15:32")],
    entries: [entry(10, "note", "2020-09-03T14:10", "401s from the git server"), entry(11, "handoff", "2020-09-03T14:05")],
    deploys: incidentDeploys([...before, revert], deploysBeforeIncident(before, started).suspects, utc("2020-09-03T12:02")),
    window: null,
    now: utc("2020-09-04T00:00"),
    ...overrides,
  };
}

describe("the merged incident timeline", () => {
  it("interleaves public posts, internal entries and deploys, newest first, and marks the revert with its −N", () => {
    const lines = incidentTimeline(parts(), "all");

    expect(lines.map((line) => line.key)).toEqual([
      "post-2",
      `deploy-${revert.id}`,
      "entry-10",
      "entry-11",
      "post-1",
      `deploy-${before[1]!.id}`,
      `deploy-${before[0]!.id}`,
    ]);
    const revertLine = lines[1];
    expect(revertLine?.type === "deploy" && [revertLine.deploy.revertOfVersion, revertLine.deploy.revertSteps]).toEqual(["g7", "\u22121"]);
  });

  it("filters to the public posts only, or to the internal lines only", () => {
    expect(incidentTimeline(parts(), "public").map((line) => line.key)).toEqual(["post-2", "post-1"]);
    expect(incidentTimeline(parts(), "internal").every((line) => line.audience === "internal")).toBe(true);
    expect(incidentTimeline(parts(), "internal")).toHaveLength(5);
  });

  it("leaves out deploys before the window, though they still tell a revert", () => {
    const deploys = incidentDeploys([...before, revert], deploysBeforeIncident(before, started).suspects, utc("2020-09-03T13:00"));
    const lines = incidentTimeline(parts({ deploys }), "internal");

    expect(lines.map((line) => line.key)).not.toContain(`deploy-${before[0]!.id}`);
    expect(lines.find((line) => line.key === `deploy-${revert.id}`)).toMatchObject({ deploy: { revertOfVersion: "g7" } });
  });

  it("at the same instant, a post comes after the entry that led to it", () => {
    const lines = incidentTimeline(parts({ posts: [post(3, "2020-09-03T14:10")], deploys: [] }), "all");

    expect(lines.slice(0, 2).map((line) => line.key)).toEqual(["post-3", "entry-10"]);
  });

  it("a maintenance's window start and end are lines once passed; a cancelled one never started", () => {
    const window = { start: utc("2020-09-05T10:00"), end: utc("2020-09-05T12:00"), endedAt: null };
    const events = (w: typeof window | { start: Date; end: Date; endedAt: Date }, now: string) =>
      incidentTimeline(parts({ posts: [], entries: [], deploys: [], window: w, now: utc(now) }), "all").map((line) => line.key);

    expect(events(window, "2020-09-05T09:00")).toEqual([]);
    expect(events(window, "2020-09-05T11:00")).toEqual(["maintenance.started"]);
    expect(events({ ...window, endedAt: window.end }, "2020-09-05T13:00")).toEqual(["maintenance.ended", "maintenance.started"]);
    expect(events({ ...window, endedAt: utc("2020-09-04T12:00") }, "2020-09-05T13:00")).toEqual([]);
  });

  it("reads the filter from the address; anything unknown shows all", () => {
    expect(timelineFilterOf("internal")).toBe("internal");
    expect(timelineFilterOf("__proto__")).toBe("all");
    expect(timelineFilterOf(["public"])).toBe("all");
  });
});
