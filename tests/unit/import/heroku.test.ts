// Reading Heroku's status API: v4 incidents, with each update's Production/Development colour from
// v3 (the real v3 issue in tests/fixtures/heroku/v3-issue.json).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { herokuV3Answer, herokuV4Answer, readHeroku } from "@/lib/import/heroku";

const v3Issue = JSON.parse(readFileSync("tests/fixtures/heroku/v3-issue.json", "utf8"));
// The same incident as v4 lists it (v4 has no colour per update).
const v4Incident = {
  id: 6,
  title: "Limited app interruption",
  created_at: "2009-10-23T18:49:49.000Z",
  full_url: "https://status.heroku.com/incidents/6",
  resolved: true,
  state: "resolved",
  systems: [{ name: "Production", status: "green", services: ["Apps"] }],
  updates: v3Issue.updates.map((update: { id: number; update_type: string; contents: string; created_at: string }) => ({
    id: update.id,
    update_type: update.update_type,
    contents: update.contents,
    created_at: update.created_at,
  })),
};

describe("reading Heroku's status API", () => {
  it("takes updates from v4 and Production's colour at each update from v3", () => {
    const history = readHeroku({ v4: herokuV4Answer.parse([v4Incident]), v3: herokuV3Answer.parse([v3Issue]) }, "https://status.heroku.com");
    expect(history.problems).toEqual([]);
    const [incident] = history.incidents;
    expect(incident!.updates.map((update) => [update.externalId, update.type, update.postedAt?.toISOString(), update.stateChanges])).toEqual([
      ["9", "issue", "2009-10-23T18:49:49.000Z", [{ componentId: "Production", state: "yellow" }]],
      ["10", "resolved", "2009-10-23T20:20:46.000Z", []],
    ]);
    expect(incident!.componentIds).toEqual(["Production", "Production/Apps"]);
    expect(history.components.map((component) => [component.externalId, component.groupId])).toEqual([
      ["Production", null],
      ["Development", null],
      ["Production/Apps", "Production"],
    ]);
  });

  it("without v3 imports the updates without states and says so; maintenance is reported, not guessed", () => {
    const maintenance = {
      ...v4Incident,
      id: 7,
      title: "Database upgrade",
      state: "completed",
      updates: [{ update_type: "scheduled", contents: "Soon.", created_at: "2020-01-01T00:00:00Z" }],
    };
    const history = readHeroku({ v4: herokuV4Answer.parse([v4Incident, maintenance]), v3: null }, "https://status.heroku.com");
    expect(history.incidents.map((row) => row.updates.map((update) => update.stateChanges.length))).toEqual([[0, 0]]);
    expect(history.problems).toEqual([
      "the source has no /api/v3/issues: updates are imported without the states of Production and Development",
      "incident 7 (Database upgrade): scheduled maintenance; Heroku's API gives no window, not imported",
    ]);
  });
});
