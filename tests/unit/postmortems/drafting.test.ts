import { describe, expect, it } from "vitest";
import { DEMO_COMPONENTS, demoDataset, demoPostmortems, demoToTimeline, numberedComponents } from "@/lib/demo";
import { postmortemPublicText } from "@/lib/postmortems/public-text";
import { canMove, canPublish } from "@/lib/postmortems/states";
import { draftFromTemplate } from "@/lib/postmortems/template";
import { POSTMORTEM_STATES } from "@/lib/postmortems/types";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const components = numberedComponents(DEMO_COMPONENTS);
const componentIds = new Map(components.map((component) => [component.slug, component.id]));
const incident2105 = demoDataset(NOW).incidents.find((candidate) => candidate.number === 2105)!;
const withBodies = {
  ...demoToTimeline(incident2105, componentIds),
  posts: demoToTimeline(incident2105, componentIds).posts.map((post, index) => ({ ...post, body: incident2105.posts[index]!.body })),
};

describe("a postmortem drafted from the template", () => {
  const internal = [
    { occurredAt: new Date("2020-09-03T13:55:00Z"), text: "Deploy of git-server v412 to production" },
    { occurredAt: new Date("2020-09-03T14:05:00Z"), text: "  " },
  ];
  const draft = draftFromTemplate(withBodies, components, internal, NOW);

  it("starts with empty sections for the commander to write and the impact filled in", () => {
    expect(draft).toMatchObject({ summary: "", contributingFactors: "", wentWell: "" });
    expect(draft.impact).toContain("- Git push: Degraded 1h 30m");
    expect(draft.impact).toContain("We posted 4 updates");
  });

  it("prefills the timeline in time order: public posts kept, internal events offered but dropped, blank ones left out", () => {
    expect(draft.lines.map((line) => [line.at.toISOString().slice(11, 16), line.source, line.kept])).toEqual([
      ["13:55", "internal_event", false],
      ["14:02", "public_post", true],
      ["14:29", "public_post", true],
      ["15:06", "public_post", true],
      ["15:32", "public_post", true],
    ]);
    expect(draft.lines[1]!.text).toBe(
      "Investigating: We are investigating reports of git push heroku main failing with HTTP 401 Unauthorized. Running applications are not affected.",
    );
  });

  it("quotes no post customers cannot see yet", () => {
    const early = draftFromTemplate(withBodies, components, [], new Date("2020-09-03T14:30:00Z"));
    expect(early.lines).toHaveLength(2);
  });
});

describe("postmortem states", () => {
  it("goes draft → in review → published, back from review to draft, and stays published", () => {
    const allowed = POSTMORTEM_STATES.flatMap((from) => POSTMORTEM_STATES.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(["draft→in_review", "in_review→draft", "in_review→published", "published→published"]);
    expect(POSTMORTEM_STATES.filter(canPublish)).toEqual(["in_review", "published"]);
  });
});

describe("the published text", () => {
  const lines = [
    { at: new Date("2020-09-03T14:02:00Z"), text: "Investigating: pushes fail", kept: true },
    { at: new Date("2020-09-03T13:55:00Z"), text: "Deploy by ada on host git-7", kept: false },
    { at: new Date("2020-09-03T13:41:00Z"), text: "Config set\non staging", kept: true },
  ];
  const text = postmortemPublicText({
    sections: { summary: "Pushes failed.", impact: "90 minutes.", contributingFactors: "The deploy went ahead without its configuration.", wentWell: "" },
    lines,
    actionItems: [
      { title: "Merge config and deploy into one step", status: "done" },
      { title: "Warn on unsynchronized config", status: "open" },
    ],
  });

  it("has the public sections in order, kept lines in time order, and the action items", () => {
    expect(text).toBe(
      [
        "## Summary",
        "",
        "Pushes failed.",
        "",
        "## Impact",
        "",
        "90 minutes.",
        "",
        "## Timeline",
        "",
        "- **Sep 3, 2020 13:41 UTC**: Config set on staging",
        "- **Sep 3, 2020 14:02 UTC**: Investigating: pushes fail",
        "",
        "## What allowed this to happen",
        "",
        "The deploy went ahead without its configuration.",
        "",
        "## What we are changing",
        "",
        "- Merge config and deploy into one step (done)",
        "- Warn on unsynchronized config",
      ].join("\n"),
    );
  });

  it("leaves out dropped lines", () => {
    expect(text).not.toContain("ada");
  });
});

describe("the demo's postmortem of #2105", () => {
  const [postmortem] = demoPostmortems(DEMO_COMPONENTS);

  it("is blameless and published with its done action item, the same every time", () => {
    expect(postmortem!.incidentNumber).toBe(2105);
    expect(postmortem!.contributingFactors).toContain("why the system allowed a deploy while its configuration was not synchronized");
    expect(postmortem!.actionItems).toEqual([expect.objectContaining({ title: "Merge config and deploy into one step", status: "done" })]);
    expect(postmortem!.publishedBody).toContain("- Merge config and deploy into one step (done)");
    expect(postmortem!.publishedBody).toContain("- Git push: Degraded 1h 30m");
    expect(demoPostmortems(DEMO_COMPONENTS)).toEqual([postmortem]);
  });

  it("keeps its internal notes out of the published text", () => {
    expect(postmortem!.internalNotes).not.toBe("");
    expect(postmortem!.publishedBody).not.toContain(postmortem!.internalNotes);
    expect(postmortem!.publishedBody).not.toContain("ops review");
  });
});
