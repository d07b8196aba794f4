// An open incident fed by automation can hold thousands of posts. The home page shows each open
// incident's newest posts only, says how many there are and links to the incident's page, so it
// stays small and quick to render; the incident's page keeps every post.
import { describe, expect, it } from "vitest";
import { HOME_POSTS_PER_INCIDENT } from "@/components/public/IncidentCard";
import { homePage, incidentPage } from "@/lib/public/pages";
import type { PublicIncident } from "@/lib/timeline/types";
import { BASE_URL, components, demoIncidents, idOf, NOW } from "../formats/demo-data";

const ctx = { now: NOW, baseUrl: BASE_URL };

/** A demo incident made open again with `count` Update posts a minute apart, the newest a minute ago. */
function longIncident(count: number): PublicIncident {
  const base = demoIncidents().find((incident) => incident.kind === "incident")!;
  const at = (n: number) => new Date(NOW.getTime() - (count - n) * 60_000);
  const posts = Array.from({ length: count }, (_, n) => ({
    ...base.posts[0]!,
    id: 800000 + n,
    type: n === 0 ? ("investigating" as const) : ("update" as const),
    body: `Update number ${n + 1}.`,
    postedAt: at(n),
    createdAt: at(n),
    stateChanges: n === 0 ? [{ componentId: idOf("production"), state: "red" as const }] : [],
  }));
  return {
    ...base,
    id: 9002,
    number: 9002,
    title: "Long outage",
    openedAt: at(0),
    resolvedAt: null,
    updatedAt: at(count - 1),
    componentIds: [idOf("production")],
    posts,
  };
}

const home = (incident: PublicIncident) => String(homePage({ components, active: [incident], recentlyResolved: [], uptimeWindow: [incident] }, ctx).body);

describe("the home page with a long open incident", () => {
  it("shows the newest posts, says how many there are and links to the whole incident", () => {
    const html = home(longIncident(2000));
    expect(html.match(/data-post-type=/g)).toHaveLength(HOME_POSTS_PER_INCIDENT);
    expect(html).toContain("Update number 2000.");
    expect(html).toContain(`Update number ${2000 - HOME_POSTS_PER_INCIDENT + 1}.`);
    expect(html).not.toContain(`Update number ${2000 - HOME_POSTS_PER_INCIDENT}.`);
    expect(html).toContain("Showing the newest 10 of 2,000 updates.");
    expect(html).toMatch(/<a href="\/incidents\/9002"[^>]*>See every update<\/a>/);
    // Its state still comes from the whole timeline: the first post's outage.
    expect(html).toContain('data-overall="red"');
    // As large as with ten posts, but for the note.
    expect(Buffer.byteLength(html) - Buffer.byteLength(home(longIncident(HOME_POSTS_PER_INCIDENT)))).toBeLessThan(400);
  });

  it("says nothing more for an incident of ordinary length", () => {
    const html = home(longIncident(HOME_POSTS_PER_INCIDENT));
    expect(html.match(/data-post-type=/g)).toHaveLength(HOME_POSTS_PER_INCIDENT);
    expect(html).not.toContain("See every update");
  });

  it("keeps every post on the incident's own page", () => {
    const html = String(incidentPage({ components, incident: longIncident(50) }, { ...ctx, params: { number: 9002 } } as never).body);
    expect(html.match(/data-post-type=/g)).toHaveLength(50);
  });
});
