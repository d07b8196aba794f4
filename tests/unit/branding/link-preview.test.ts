// Every public page carries the brand and Open Graph / Twitter tags; a shared link previews the
// overall state (or the incident's title and state) with the page's name, and the newest words.
import { describe, expect, it } from "vitest";
import { DEFAULT_BRAND, type Brand } from "@/lib/branding/brand";
import { historyPageRange } from "@/lib/public/history-range";
import { historyPage, homePage, incidentPage, notFoundPage } from "@/lib/public/pages";
import type { PublicIncident } from "@/lib/timeline/types";
import { BASE_URL, components, demoIncidents, idOf, NOW } from "../formats/demo-data";

const EXAMPLE: Brand = {
  name: "Example status",
  accent: "#1d4ed8",
  supportUrl: "https://help.example.com/",
  footer: "Example Ltd · 1 Main Street",
  logo: { type: "image/png", hash: "abcdefghijklmnopqrstuvwxyz012345", width: 128, height: 64 },
  favicon: null,
};

function meta(html: string, key: string): string | null {
  const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(html);
  return match
    ? match[1]!
        .replace(/&amp;/g, "&")
        .replace(/&quot;/g, '"')
        .replace(/&#x27;/g, "'")
    : null;
}

const ctx = (brand?: Brand) => ({ now: NOW, baseUrl: BASE_URL, brand });
const home = (active: PublicIncident[], brand?: Brand) => String(homePage({ components, active, recentlyResolved: [], uptimeWindow: active }, ctx(brand)).body);

/** A demo incident made open again, with one post setting Production to `state`. */
function outage(state: "yellow" | "red", body: string): PublicIncident {
  const base = demoIncidents().find((incident) => incident.kind === "incident")!;
  const at = new Date(NOW.getTime() - 30 * 60_000);
  const post = {
    ...base.posts[0]!,
    id: 900101,
    type: "issue" as const,
    body,
    postedAt: at,
    createdAt: at,
    stateChanges: [{ componentId: idOf("production"), state }],
  };
  return {
    ...base,
    id: 9001,
    number: 9001,
    title: "Elevated API errors",
    openedAt: at,
    resolvedAt: null,
    updatedAt: at,
    componentIds: [idOf("production")],
    posts: [post],
  };
}

describe("Open Graph and Twitter tags", () => {
  it.each([
    [[], "All systems operational — Example status", "All systems operational"],
    [[outage("yellow", "Some API calls fail.\n\nWe are looking into it.")], "Partial disruption — Example status", "Some API calls fail."],
    [[outage("red", "**Nothing** loads.")], "Major outage — Example status", "Nothing loads."],
  ])("the home page with %# open incidents previews its state and newest words", (active, title, description) => {
    const html = home(active as PublicIncident[], EXAMPLE);
    expect(meta(html, "og:title")).toBe(title);
    expect(meta(html, "og:description")).toBe(description);
    expect(meta(html, "og:site_name")).toBe("Example status");
    expect(meta(html, "og:url")).toBe(`${BASE_URL}/`);
    expect(meta(html, "og:image")).toBe(`${BASE_URL}/brand/logo?v=abcdefghijkl`);
    expect(meta(html, "twitter:card")).toBe("summary");
  });

  it("an incident page previews its title and state, and its latest post's first line", () => {
    const incident = outage("red", "Deploys are failing.\nMore soon.");
    const html = String(incidentPage({ components, incident }, { ...ctx(EXAMPLE), number: incident.number }).body);
    expect(meta(html, "og:title")).toBe("Elevated API errors: Outage — Example status");
    expect(meta(html, "og:description")).toBe("Deploys are failing.");
    expect(meta(html, "og:url")).toBe(`${BASE_URL}/incidents/9001`);
    expect(html).toContain("<title>Elevated API errors · Example status</title>");
  });

  it("a resolved incident previews as resolved", () => {
    const resolved = demoIncidents().find((incident) => incident.kind === "incident" && incident.resolvedAt)!;
    const html = String(incidentPage({ components, incident: resolved }, { ...ctx(), number: resolved.number }).body);
    expect(meta(html, "og:title")).toBe(`${resolved.title}: Resolved — Beacon status`);
  });

  it("every page has them, error pages too", () => {
    const range = historyPageRange(1, NOW);
    const pages = [
      String(historyPage({ components, incidents: [], firstOpenedAt: null }, { ...ctx(EXAMPLE), query: { page: 1, component: null } }).body),
      String(notFoundPage("/nope", ctx(EXAMPLE)).body),
    ];
    expect(range.from < NOW).toBe(true);
    for (const html of pages) {
      for (const key of ["og:title", "og:description", "og:site_name", "og:url", "og:image", "twitter:card"]) expect(meta(html, key), key).not.toBeNull();
      expect(meta(html, "og:title")).toMatch(/ — Example status$/);
    }
  });
});

describe("the brand on the page", () => {
  it("shows the name, logo, accent, support link and footer", () => {
    const html = home([], EXAMPLE);
    expect(html).toContain("<title>All systems operational · Example status</title>");
    expect(html).toMatch(
      /<a href="\/" class="brand-name[^"]*"><img src="\/brand\/logo\?v=abcdefghijkl" alt="" width="64" height="32"[^>]*\/>Example status<\/a>/,
    );
    expect(html).toContain("--beacon-accent:#1d4ed8");
    expect(html).toMatch(/<a href="https:\/\/help\.example\.com\/" class="brand-support[^"]*" rel="noopener">Support<\/a>/);
    expect(html).toContain("Example Ltd · 1 Main Street");
  });

  it("by default looks as Beacon always did: no logo, no accent style, no support link, no og:image", () => {
    for (const html of [home([]), home([], DEFAULT_BRAND)]) {
      expect(html).toContain("<title>All systems operational · Beacon status</title>");
      expect(html).toContain(">Beacon status</a>");
      expect(html).not.toContain("--beacon-accent");
      expect(html).not.toContain("brand-support");
      expect(html).not.toContain("/brand/");
      expect(meta(html, "og:image")).toBeNull();
      expect(meta(html, "og:site_name")).toBe("Beacon status");
    }
  });

  it("renders a hostile footer and name as text", () => {
    const html = home([], { ...EXAMPLE, name: '<img src=x onerror="alert(1)">', footer: "<script>alert(1)</script>" });
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});
