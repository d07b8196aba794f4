import { describe, expect, it } from "vitest";
import { publishImpact, type ImpactInput, type ProposedPost } from "@/lib/incidents/impact";
import type { TimelineIncident, TimelinePost } from "@/lib/timeline/types";
import { DEVELOPMENT, PRODUCTION, twoSystems } from "./systems";

const NOW = new Date("2026-11-22T12:00:00Z");
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);
const GIT_PUSH = 3;
const components = twoSystems({ id: GIT_PUSH, name: "Git push", slug: "git-push" });

function post(id: number, type: TimelinePost["type"], at: Date, stateChanges: TimelinePost["stateChanges"] = []): TimelinePost {
  return { id, type, postedAt: at, createdAt: at, stateChanges };
}

function incident(posts: TimelinePost[], componentIds: number[], id = 10): TimelineIncident {
  return {
    id,
    number: id,
    title: "Git push failures",
    kind: "incident",
    openedAt: posts[0]!.postedAt,
    scheduledStartAt: null,
    scheduledEndAt: null,
    componentIds,
    posts,
  };
}

const gitPushDown = incident(
  [post(1, "investigating", minutesAgo(60), [{ componentId: GIT_PUSH, state: "red" }]), post(2, "update", minutesAgo(30))],
  [GIT_PUSH],
);

function proposal(overrides: Partial<ProposedPost> = {}): ProposedPost {
  return { type: "update", body: "We are deploying a fix.", postedAt: NOW, backdated: false, stateChanges: [], componentIds: [], ...overrides };
}

function impact(overrides: Partial<Omit<ImpactInput, "proposed">> & { proposed?: Partial<ProposedPost> } = {}) {
  const target = overrides.incident === undefined ? gitPushDown : overrides.incident;
  return publishImpact({
    components,
    active: overrides.active ?? (target ? [target] : []),
    incident: target,
    now: NOW,
    proposed: proposal(overrides.proposed),
    webhooks: overrides.webhooks,
  });
}

const codes = (result: ReturnType<typeof publishImpact>) => result.warnings.map((warning) => warning.code);

describe("publishImpact: the diff customers will see", () => {
  it("opening an incident with Production red shows Production green → red and Development unchanged", () => {
    const result = impact({
      incident: null,
      active: [],
      proposed: { type: "investigating", title: "Elevated errors", componentIds: [PRODUCTION], stateChanges: [{ componentId: PRODUCTION, state: "red" }] },
    });
    expect(result.incident).toBe("opens");
    expect(result.changes).toEqual([
      { componentId: PRODUCTION, name: "Production", isSystem: true, before: "green", after: "red" },
      { componentId: DEVELOPMENT, name: "Development", isSystem: true, before: "green", after: "green" },
    ]);
    expect(result.announcements[0]).toMatch(/public page, the RSS\/Atom feeds and the APIs/);
    expect(result.warnings).toEqual([]);
  });

  it("shows a sub-component's change and its system's roll-up", () => {
    const result = impact({ proposed: { stateChanges: [{ componentId: GIT_PUSH, state: "yellow" }] } });
    expect(result.changes.filter((c) => c.before !== c.after).map((c) => `${c.name}: ${c.before} → ${c.after}`)).toEqual([
      "Production: red → yellow",
      "Git push: red → yellow",
    ]);
  });

  it("notes a backdated post", () => {
    expect(impact({ proposed: { backdated: true, postedAt: minutesAgo(5) } }).announcements[1]).toBe(
      "The post is dated 2026-11-22 11:55 UTC and marked as backdated",
    );
  });

  it("reports whether the post updates, resolves or re-opens the incident", () => {
    expect(impact().incident).toBe("updates");
    expect(impact({ proposed: { type: "resolved" } }).incident).toBe("resolves");
    const resolved = incident([...gitPushDown.posts, post(3, "resolved", minutesAgo(10))], [GIT_PUSH]);
    expect(impact({ incident: resolved, active: [] }).incident).toBe("reopens");
  });

  it("changes its hash when the body, a state or the current states change, and not otherwise", () => {
    const base = impact().hash;
    expect(impact().hash).toBe(base);
    expect(impact({ proposed: { body: "We are deploying a fix!" } }).hash).not.toBe(base);
    expect(impact({ proposed: { stateChanges: [{ componentId: GIT_PUSH, state: "yellow" }] } }).hash).not.toBe(base);
    const recovered = incident([...gitPushDown.posts, post(3, "update", minutesAgo(1), [{ componentId: GIT_PUSH, state: "yellow" }])], [GIT_PUSH]);
    expect(impact({ incident: recovered }).hash).not.toBe(base);
  });
});

describe("publishImpact: guardrails", () => {
  it("warns when resolving while components are still red, and shows them turning green", () => {
    const result = impact({ proposed: { type: "resolved", body: "Fixed." } });
    expect(codes(result)).toEqual(["resolve-while-degraded"]);
    expect(result.warnings[0]!.message).toBe(
      "Git push (down) is still not green in this incident. Resolving sets it green for customers. If the problem continues, post an Update instead.",
    );
    expect(result.changes.find((c) => c.componentId === GIT_PUSH)).toMatchObject({ before: "red", after: "green" });
  });

  it("does not warn when resolving after everything was set green", () => {
    const recovered = incident([...gitPushDown.posts, post(3, "update", minutesAgo(5), [{ componentId: GIT_PUSH, state: "green" }])], [GIT_PUSH]);
    expect(codes(impact({ incident: recovered, proposed: { type: "resolved" } }))).toEqual([]);
  });

  it("warns when resolving an incident that never had an Issue or Update", () => {
    const quiet = incident([post(1, "investigating", minutesAgo(20))], [GIT_PUSH]);
    expect(codes(impact({ incident: quiet, proposed: { type: "resolved" } }))).toEqual(["resolve-without-update"]);
    expect(codes(impact({ incident: null, active: [], proposed: { type: "resolved", title: "Short blip" } }))).toEqual(["resolve-without-update"]);
  });

  it("warns when setting red a component no open incident covers", () => {
    const result = impact({ proposed: { stateChanges: [{ componentId: DEVELOPMENT, state: "red" }] } });
    expect(codes(result)).toEqual(["red-not-covered"]);
    expect(result.warnings[0]!.message).toMatch(/^Development will be shown as down, but no open incident names it as affected/);
  });

  it("does not warn for red on a component this or another open incident covers, or a sub-component of one", () => {
    expect(codes(impact({ proposed: { stateChanges: [{ componentId: GIT_PUSH, state: "red" }] } }))).toEqual([]);
    const production = incident([post(5, "issue", minutesAgo(5), [{ componentId: PRODUCTION, state: "yellow" }])], [PRODUCTION], 11);
    expect(codes(impact({ incident: production, active: [production], proposed: { stateChanges: [{ componentId: GIT_PUSH, state: "red" }] } }))).toEqual([]);
    const opening = {
      type: "investigating" as const,
      title: "Dev down",
      componentIds: [DEVELOPMENT],
      stateChanges: [{ componentId: DEVELOPMENT, state: "red" as const }],
    };
    expect(codes(impact({ incident: null, proposed: opening }))).toEqual([]);
  });

  it("does not count yellow as an uncovered outage", () => {
    expect(codes(impact({ proposed: { stateChanges: [{ componentId: DEVELOPMENT, state: "yellow" }] } }))).toEqual([]);
  });

  it("warns about an empty body", () => {
    expect(codes(impact({ proposed: { body: "  \n " } }))).toEqual(["empty-body"]);
  });

  it("warns about a template placeholder left in the body or title", () => {
    const result = impact({ proposed: { body: "Investigating elevated errors on {component}." } });
    expect(result.warnings).toEqual([
      { code: "placeholder", message: "The text still contains the template placeholder {component}. Replace it with the real words." },
    ]);
    expect(codes(impact({ incident: null, active: [], proposed: { type: "investigating", title: "Errors on {Component}" } }))).toEqual(["placeholder"]);
    expect(codes(impact({ proposed: { body: 'JSON like {"a": 1} is fine' } }))).toEqual([]);
  });
});

describe("webhook subscribers in the publish diff", () => {
  const line = (result: ReturnType<typeof publishImpact>) => result.announcements.find((text) => text.includes("webhook"));

  it("counts enabled endpoints whose component (a system includes its sub-components) and event filters match", () => {
    const webhooks = [
      { componentIds: [PRODUCTION], events: [] },
      { componentIds: [], events: ["incident.updated"] },
      { componentIds: [DEVELOPMENT], events: [] },
      { componentIds: [], events: ["incident.resolved"] },
    ];
    expect(line(impact({ webhooks }))).toBe("2 webhook subscribers will be notified");
    expect(line(impact({ webhooks, proposed: { type: "resolved" } }))).toBe("2 webhook subscribers will be notified");
    expect(line(impact({ webhooks: [webhooks[0]!] }))).toBe("1 webhook subscriber will be notified");
  });

  it("says nothing when no endpoint matches", () => {
    expect(line(impact({ webhooks: [{ componentIds: [DEVELOPMENT], events: [] }] }))).toBeUndefined();
    expect(line(impact())).toBeUndefined();
  });
});
