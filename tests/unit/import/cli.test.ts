// The import command line: what it accepts, and the one-line messages for what it refuses.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseImportArgs, readSource } from "@/lib/import/cli";

describe("beacon import's arguments", () => {
  it("reads the source, files, mappings and flags", () => {
    expect(
      parseImportArgs([
        "import",
        "--from",
        "statuspage",
        "https://status.example.com",
        "--map",
        "Git Push=git",
        "--map",
        "API=api",
        "--create-components",
        "--dry-run",
      ]),
    ).toEqual({ from: "statuspage", url: "https://status.example.com", file: [], map: ["Git Push=git", "API=api"], createComponents: true, dryRun: true });
    expect(parseImportArgs(["import", "--from", "statuspage", "--file", "a.json", "--file", "b.json"])).toMatchObject({
      url: undefined,
      file: ["a.json", "b.json"],
    });
  });

  it("refuses an unknown source kind, a bad --map, no source, and a Heroku file without its URL", () => {
    expect(() => parseImportArgs(["import", "--from", "cachet", "https://s.example"])).toThrow(/^--from must be statuspage or heroku/);
    expect(() => parseImportArgs(["import", "--from", "heroku", "https://s.example", "--map", "Production"])).toThrow(/^use --map "Source name=beacon-slug"/);
    expect(() => parseImportArgs(["import", "--from", "statuspage"])).toThrow(/^give the source's URL \(or --file\)/);
    expect(() => parseImportArgs(["import", "--from", "heroku", "--file", "v4.json"])).toThrow(/also needs the source's URL/);
    expect(() => parseImportArgs(["import", "--from", "heroku", "--since", "2020"])).toThrow(/Unknown option '--since'/);
  });
});

describe("reading saved Statuspage answers", () => {
  it("names the source by the page's URL, and says when the list is Statuspage's last 50 only", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "beacon-import-"));
    try {
      const file = path.join(dir, "incidents.json");
      const incidents = Array.from({ length: 50 }, (_, index) => ({ id: `i${index}`, name: `Incident ${index}`, incident_updates: [] }));
      writeFileSync(file, JSON.stringify({ page: { id: "p", url: "https://status.example.com/" }, incidents }));
      const history = await readSource({ from: "statuspage", url: undefined, file: [file] });
      expect(history.source).toBe("https://status.example.com");
      expect(history.incidents).toHaveLength(50);
      expect(history.problems).toEqual(["Statuspage's public API lists only the 50 most recent incidents: older ones are not in it"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
