// Reading real Statuspage answers (tests/fixtures/statuspage, discordstatus.com) into an import.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readStatuspage, statuspageAnswers } from "@/lib/import/statuspage";

const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/statuspage/${name}`, "utf8"));
const answers = (extra: object = {}) =>
  statuspageAnswers.parse({
    ...fixture("components.json"),
    incidents: fixture("incidents.json").incidents,
    scheduled_maintenances: fixture("scheduled-maintenances.json").scheduled_maintenances,
    ...extra,
  });
/** One incident update as Statuspage's API answers it, changing the components listed. */
const update = (id: string, status: string, body: string, display_at: string, affected_components: object[]) => ({
  id,
  status,
  body,
  display_at,
  affected_components,
});

describe("reading Statuspage's v2 API", () => {
  it("turns a real incident's updates into posts, oldest first, with their times and states", () => {
    const history = readStatuspage(answers(), "https://discordstatus.com");
    const incident = history.incidents.find((row) => row.externalId === "n4njzfn1mqy0")!;
    expect(incident.title).toBe("Messaging issues");
    expect(incident.updates.map((update) => [update.type, update.phase, update.postedAt?.toISOString()])).toEqual([
      ["investigating", null, "2022-02-15T21:14:17.849Z"],
      ["update", "monitoring", "2022-02-15T21:21:55.183Z"],
      ["resolved", null, "2022-02-15T21:37:37.388Z"],
    ]);
    expect(incident.updates[0]!.stateChanges).toEqual([{ componentId: "rhznvxg4v7yh", state: "yellow" }]);
    expect(incident.updates[1]!.stateChanges).toEqual([{ componentId: "rhznvxg4v7yh", state: "green" }]);
  });

  it("reads a maintenance with its window and maps its phases", () => {
    const history = readStatuspage(answers(), "https://discordstatus.com");
    const maintenance = history.incidents.find((row) => row.externalId === "chkt3cr0jf7b")!;
    expect(maintenance.kind).toBe("maintenance");
    expect(maintenance.scheduledStartAt?.toISOString()).toBe("2015-09-22T08:00:00.000Z");
    expect(maintenance.scheduledEndAt?.toISOString()).toBe("2015-09-22T08:30:00.000Z");
    expect(maintenance.updates.map((update) => [update.type, update.phase])).toEqual([
      ["scheduled", null],
      ["update", "in_progress"],
      ["update", "verifying"],
      ["resolved", null],
    ]);
  });

  it("sets a maintenance's components blue from its first update (the window decides when)", () => {
    const window = { scheduled_for: "2024-03-02T02:00:00.000+00:00", scheduled_until: "2024-03-02T03:00:00.000+00:00" };
    const updates = [update("s", "scheduled", "Planned.", "2024-03-01T10:00:00.000+00:00", [{ code: "db", name: "DB", new_status: "operational" }])];
    const maintenance = { id: "m1", name: "Upgrade", ...window, components: [{ id: "db", name: "DB" }], incident_updates: updates };
    const [read] = readStatuspage(answers({ incidents: [], scheduled_maintenances: [maintenance] }), "https://s.example").incidents;
    expect(read!.updates[0]!.stateChanges).toEqual([{ componentId: "db", state: "blue" }]);
  });

  it("makes groups systems and their members sub-components", () => {
    const history = readStatuspage(answers(), "https://discordstatus.com");
    const voice = history.components.find((row) => row.name === "Voice")!;
    const euWest = history.components.find((row) => row.name === "EU West")!;
    expect(voice.groupId).toBeNull();
    expect(euWest.groupId).toBe(voice.externalId);
  });

  it("maps every component status, a repeated status to an Update, and a postmortem to the postmortem", () => {
    const at = (minute: number) => `2024-03-01T10:${String(minute).padStart(2, "0")}:00.000+00:00`;
    const change = (new_status: string) => [{ code: "api", name: "API", old_status: "operational", new_status }];
    const updates = [
      { id: "u1", status: "investigating", body: "Looking.", display_at: at(0), affected_components: change("major_outage") },
      { id: "u2", status: "identified", body: "Found.", display_at: at(10), affected_components: change("partial_outage") },
      { id: "u3", status: "identified", body: "Still.", display_at: at(20), affected_components: change("degraded_performance") },
      { id: "u4", status: "monitoring", body: "Watching.", display_at: at(30), affected_components: change("under_maintenance") },
      { id: "u5", status: "resolved", body: "Done.", display_at: at(40), affected_components: change("operational") },
      { id: "u6", status: "postmortem", body: "What happened.", display_at: at(50) },
    ].reverse();
    const history = readStatuspage(answers({ incidents: [{ id: "inc", name: "Outage", incident_updates: updates }] }), "https://s.example");
    const [incident] = history.incidents.filter((row) => row.kind === "incident");
    expect(incident!.updates.map((update) => [update.type, update.stateChanges[0]?.state])).toEqual([
      ["investigating", "red"],
      ["issue", "yellow"],
      ["update", "yellow"],
      ["update", "blue"],
      ["resolved", "green"],
    ]);
    expect(incident!.postmortem).toEqual({ body: "What happened.", publishedAt: new Date("2024-03-01T10:50:00Z") });
  });

  it("reports unknown statuses and updates without a time instead of guessing silently", () => {
    const updates = [
      update("a", "escalated", "?", "2024-03-01T10:00:00Z", [{ code: "api", name: "API", new_status: "on_fire" }]),
      { id: "b", status: "resolved", body: "ok", display_at: null, created_at: null },
    ];
    const history = readStatuspage(
      answers({ incidents: [{ id: "x", name: "Odd", incident_updates: updates }], scheduled_maintenances: [{ id: "m", name: "No window" }] }),
      "https://s.example",
    );
    expect(history.problems).toEqual([
      'incident x (Odd): update a has the unknown status "escalated"; imported as an Update',
      'incident x (Odd): update a sets API to the unknown status "on_fire"; left out',
      "maintenance m (No window) has no scheduled_for/scheduled_until; not imported",
    ]);
    expect(history.incidents.find((row) => row.externalId === "x")!.updates.map((update) => [update.type, update.postedAt])).toEqual([
      ["update", new Date("2024-03-01T10:00:00Z")],
      ["resolved", null],
    ]);
  });
});
