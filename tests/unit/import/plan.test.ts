// The import plan: components matched by --map and name or created, numbers kept where free,
// nothing planned twice, and a report of what could not be mapped.
import { describe, expect, it } from "vitest";
import type { SourceHistory, SourceIncident } from "@/lib/import/history";
import { describePlan, type ImportState, importKey, planImport } from "@/lib/import/plan";

const at = (hour: number) => new Date(Date.UTC(2024, 2, 1, hour));
const update = (externalId: string, hour: number, type: "investigating" | "update" | "resolved", componentId?: string) => ({
  externalId,
  type,
  phase: null,
  body: `${type} at ${hour}`,
  postedAt: at(hour),
  stateChanges: componentId ? [{ componentId, state: "red" as const }] : [],
});
const incident = (externalId: string, updates: SourceIncident["updates"], componentIds: string[] = []): SourceIncident => ({
  externalId,
  title: `Incident ${externalId}`,
  kind: "incident",
  scheduledStartAt: null,
  scheduledEndAt: null,
  componentIds,
  updates,
  postmortem: null,
});
const history = (incidents: SourceIncident[]): SourceHistory => ({
  source: "https://status.example.com",
  components: [
    { externalId: "g1", name: "Production", description: "", position: 0, groupId: null },
    { externalId: "c1", name: "Git Push", description: "", position: 0, groupId: "g1" },
    { externalId: "c2", name: "Old Dashboard", description: "", position: 1, groupId: "g1" },
  ],
  incidents,
  problems: [],
});
const empty: ImportState = { components: [], numbers: new Set(), incidents: new Map(), updates: new Set() };
const existing: ImportState = {
  ...empty,
  components: [
    { id: 1, slug: "production", name: "Production", parentId: null },
    { id: 2, slug: "git-push", name: "git push", parentId: 1 },
    { id: 3, slug: "dashboard", name: "Dashboard", parentId: 1 },
  ],
};
const noOptions = { map: new Map<string, string>(), createComponents: false };

describe("planning an import", () => {
  it("matches components by name, reports those it cannot find, and leaves their states out", () => {
    const plan = planImport(
      history([incident("7", [update("a", 1, "investigating", "c2"), update("b", 2, "update", "c1")], ["c1", "c2"])]),
      existing,
      noOptions,
    );
    expect(plan.components).toEqual([]);
    expect(plan.incidents[0]!.componentSlugs).toEqual(["git-push"]);
    expect(plan.incidents[0]!.posts.map((post) => post.stateChanges)).toEqual([[], [{ slug: "git-push", state: "red" }]]);
    expect(plan.report).toEqual([
      'component "Old Dashboard" not found (create it with --create-components or name its slug with --map); its states are left out',
    ]);
  });

  it("follows --map, and creates the rest with --create-components under their system", () => {
    const mapped = planImport(history([]), existing, { map: new Map([["Old Dashboard", "dashboard"]]), createComponents: false });
    expect(mapped.report).toEqual([]);
    const created = planImport(history([incident("7", [update("a", 1, "investigating", "c2")])]), empty, { map: new Map(), createComponents: true });
    expect(created.components.map((c) => [c.slug, c.name, c.parentSlug])).toEqual([
      ["production", "Production", null],
      ["git-push", "Git Push", "production"],
      ["old-dashboard", "Old Dashboard", "production"],
    ]);
    expect(created.incidents[0]!.posts[0]!.stateChanges).toEqual([{ slug: "old-dashboard", state: "red" }]);
  });

  it("keeps the source's incident number when it is free, gives the next one otherwise", () => {
    const state = { ...existing, numbers: new Set([7, 20]) };
    const plan = planImport(
      history([
        incident("7", [update("a", 1, "investigating")]),
        incident("12", [update("b", 2, "investigating")]),
        incident("p31zjtct2jer", [update("c", 3, "investigating")]),
      ]),
      state,
      noOptions,
    );
    expect(plan.incidents.map((row) => [row.externalId, row.number])).toEqual([
      ["7", 21],
      ["12", 12],
      ["p31zjtct2jer", 22],
    ]);
  });

  it("plans nothing already imported, and only the new updates of an incident imported before", () => {
    const source = history([
      incident("7", [update("a", 1, "investigating"), update("b", 2, "update"), update("c", 3, "resolved")]),
      incident("8", [update("d", 4, "investigating")]),
    ]);
    const again: ImportState = {
      ...existing,
      numbers: new Set([7, 8]),
      incidents: new Map([
        ["7", { id: 70, number: 7 }],
        ["8", { id: 80, number: 8 }],
      ]),
      updates: new Set([importKey("7", "a"), importKey("7", "b"), importKey("8", "d")]),
    };
    const plan = planImport(source, again, noOptions);
    expect(plan.incidents.map((row) => [row.number, row.existingId, row.posts.map((post) => post.externalId)])).toEqual([[7, 70, ["c"]]]);
    expect(plan.counts).toEqual({ components: 0, incidents: 0, posts: 1, unchanged: 1 });
  });

  it("reports updates without a time and the incidents left with none", () => {
    const undated = { ...update("x", 1, "investigating"), postedAt: null };
    const plan = planImport(history([incident("9", [undated])]), existing, { map: new Map([["Old Dashboard", "dashboard"]]), createComponents: false });
    expect(plan.incidents).toEqual([]);
    expect(plan.report).toEqual([
      "incident 9 (Incident 9): update x has no time; not imported",
      "incident 9 (Incident 9): no update with a time; not imported",
    ]);
  });

  it("describes itself for a dry run: counts, then the first lines", () => {
    const plan = planImport(history([incident("7", [update("a", 1, "investigating")])]), empty, { map: new Map(), createComponents: true });
    expect(describePlan(plan, 2)).toEqual([
      "1 new incidents, 1 posts, 3 new components from https://status.example.com (0 incidents already imported and unchanged)",
      'component production: "Production"',
      'component git-push: "Git Push" under production',
      "… and 2 more",
    ]);
  });
});
