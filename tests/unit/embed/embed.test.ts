import { gzipSync } from "node:zlib";
import { parse } from "acorn";
import { describe, expect, it } from "vitest";
import { embedScriptSource } from "@/lib/embed/script";
import { embedStatus } from "@/lib/embed/status";
import { WIDGET_CSP, widgetPage } from "@/lib/embed/widget";
import { embedStatusResponse } from "@/lib/formats/schemas";
import { incidentState } from "@/lib/timeline";
import { context, demoIncident, demoIncidents, NOW } from "../formats/demo-data";

const active = (now = NOW) => demoIncidents(now).filter((incident) => incidentState(incident, now).open);

describe("/embed.json", () => {
  it("names the open incident with its state in words, its components and systems, and its page", () => {
    const status = embedStatusResponse.parse(embedStatus(context(), active()));
    expect(status).toEqual({
      status: "yellow",
      description: "Partial disruption",
      url: "https://status.example.com/",
      incidents: [
        {
          id: 2416,
          kind: "incident",
          title: "Elevated error rates on the Platform API",
          state: "yellow",
          label: "Partial disruption",
          components: ["platform-api", "production"],
          url: "https://status.example.com/incidents/2416",
          updated_at: "2026-11-22T14:08:12.345Z",
        },
      ],
    });
  });

  it("is empty and green when nothing is open; upcoming maintenance is not shown, maintenance in progress is", () => {
    const maintenance = demoIncident(2415);
    expect(embedStatus(context(), [maintenance])).toEqual({
      status: "green",
      description: "All systems operational",
      url: "https://status.example.com/",
      incidents: [],
    });
    const during = new Date(maintenance.scheduledStartAt!.getTime() + 60_000);
    const status = embedStatusResponse.parse(embedStatus(context(during), [maintenance]));
    expect(status.incidents.map((incident) => [incident.id, incident.kind, incident.state, incident.label])).toEqual([
      [2415, "maintenance", "blue", "Under maintenance"],
    ]);
  });

  it("lists the worst first and says what an incident without a state yet says", () => {
    const open = demoIncident(2416);
    const quiet = { ...open, number: 9, title: "Looking into reports", posts: open.posts.slice(0, 1).map((post) => ({ ...post, stateChanges: [] })) };
    const status = embedStatus(context(), [quiet, open]);
    expect(status.incidents.map((incident) => [incident.id, incident.state, incident.label])).toEqual([
      [2416, "yellow", "Partial disruption"],
      [9, "green", "Investigating"],
    ]);
  });
});

describe("/embed.js", () => {
  const source = embedScriptSource();
  const code = source.replace(/^\s*\/\/.*$/gm, "");

  it("stays within 3 KB gzip", () => {
    const size = gzipSync(source, { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(3 * 1024);
  });

  it("is a plain ES2017 script: no module syntax, nothing newer (a host page may be read by old browsers)", () => {
    expect(() => parse(source, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  });

  it("never evaluates strings nor writes markup or style attributes", () => {
    expect(code).not.toMatch(
      /\beval\(|new Function|innerHTML|outerHTML|insertAdjacentHTML|document\.write|setAttribute\("style"|\.cssText|createElement\("style"\)/,
    );
  });
});

describe("/embed/status (iframe widget)", () => {
  it("shows the chosen components' state, escapes titles, and may be framed by any site", () => {
    const status = embedStatus(context(), active());
    const hostile = { ...status, incidents: status.incidents.map((incident) => ({ ...incident, title: '<img src=x onerror="alert(1)">' })) };
    const all = widgetPage(hostile);
    expect(all).toContain("Partial disruption");
    expect(all).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(all).not.toContain("<img");
    expect(all).not.toContain("<script");
    expect(widgetPage(status, ["development"])).toContain('data-state="green">');
    expect(widgetPage(status, ["development"])).toContain("All systems operational");
    expect(widgetPage(status, ["production"])).toContain('data-state="yellow">');
    expect(WIDGET_CSP).toContain("frame-ancestors *");
    expect(WIDGET_CSP).not.toContain("script-src");
  });
});
