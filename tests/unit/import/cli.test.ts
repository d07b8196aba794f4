// The import command line: what it accepts, and the one-line messages for what it refuses.
import { describe, expect, it } from "vitest";
import { parseImportArgs } from "@/lib/import/cli";

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
