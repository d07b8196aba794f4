import { describe, expect, it } from "vitest";
import { snapshotFileFor, snapshotKey, staticLinks } from "@/lib/snapshot/paths";

const HTML = "text/html; charset=utf-8";
const JSON_TYPE = "application/json; charset=utf-8";

describe("snapshotFileFor", () => {
  it.each([
    ["/", HTML, "index.html"],
    ["/incidents/386", HTML, "incidents/386/index.html"],
    ["/history", HTML, "history/index.html"],
    ["/history?page=3", HTML, "history/page/3/index.html"],
    ["/components/git-push", HTML, "components/git-push/index.html"],
    ["/history.atom", "application/atom+xml; charset=utf-8", "history.atom"],
    ["/api/v2/summary.json", JSON_TYPE, "api/v2/summary.json"],
    // Extension-less JSON endpoints become index.json, so /api/v3/issues and /api/v3/issues/12 coexist.
    ["/api/v3/current-status", JSON_TYPE, "api/v3/current-status/index.json"],
    ["/api/v3/issues", JSON_TYPE, "api/v3/issues/index.json"],
    ["/api/v3/issues/12", JSON_TYPE, "api/v3/issues/12/index.json"],
    ["/badge.svg", "image/svg+xml; charset=utf-8", "badge.svg"],
  ])("%s → %s", (url, type, file) => {
    expect(snapshotFileFor(url, type)).toBe(file);
  });

  it("refuses other query URLs", () => {
    expect(() => snapshotFileFor("/history?component=x", HTML)).toThrow(/no query/);
  });
});

describe("snapshotKey", () => {
  it.each([
    ["/", "", "/"],
    ["/incidents/386/", "", "/incidents/386"],
    ["/history", "?page=1", "/history"],
    ["/history", "?page=4", "/history?page=4"],
    ["/history", "?component=git-push", null],
    ["/history", "?page=abc", null],
    ["/api/v3/issues", "?limit=5", null],
  ])("%s%s → %s", (pathname, search, key) => {
    expect(snapshotKey(`${pathname}${search}`)).toBe(key);
  });
});

describe("staticLinks", () => {
  it("points history paging at files and drops the filter form a static server cannot answer", () => {
    const html =
      '<a href="/history?page=2">Older</a><form method="get" action="/history" class="x"><select name="component"></select></form><a href="/history">Newer</a>';
    expect(staticLinks(html)).toBe(
      '<a href="/history/page/2/">Older</a><p class="text-sm">Each component\'s page lists its incidents.</p><a href="/history">Newer</a>',
    );
  });
});
