import { describe, expect, it } from "vitest";
import { gateDecision, incidentsAffectingEnvironment } from "@/lib/deploys/gate";
import { API, COMPONENTS, DEVELOPMENT, GIT_PUSH, PRODUCTION, incident, post, utc } from "../timeline/fixtures";

const now = utc("2020-09-03T15:00");
const commanders = new Map([[21, "ada@example.com"]]);
const commanderOf = (id: number) => commanders.get(id) ?? null;

describe("which open incidents close an environment's gate", () => {
  const gitPushRed = incident([post("issue", "2020-09-03T14:02", { [GIT_PUSH]: "red" })], { id: 21, number: 2105, componentIds: [GIT_PUSH] });
  const developmentYellow = incident([post("investigating", "2020-09-03T14:10", { [DEVELOPMENT]: "yellow" })], {
    id: 22,
    number: 2106,
    componentIds: [DEVELOPMENT],
  });
  const resolved = incident([post("issue", "2020-09-03T10:00", { [API]: "red" }), post("resolved", "2020-09-03T11:00")], {
    id: 23,
    number: 2100,
    componentIds: [API],
  });

  it("a red sub-component of Production closes production, with its worst state and commander", () => {
    expect(incidentsAffectingEnvironment([gitPushRed, developmentYellow, resolved], COMPONENTS, "production", commanderOf, now)).toEqual([
      { number: 2105, title: "Incident", currentState: "red", worstState: "red", commander: "ada@example.com" },
    ]);
  });

  it("Development's incident closes development only, and says nobody commands it", () => {
    expect(incidentsAffectingEnvironment([gitPushRed, developmentYellow], COMPONENTS, "development", commanderOf, now)).toEqual([
      { number: 2106, title: "Incident", currentState: "yellow", worstState: "yellow", commander: null },
    ]);
  });

  it("states are those of the environment's own components: a red Development does not make a production gate red", () => {
    const both = incident([post("issue", "2020-09-03T14:00", { [DEVELOPMENT]: "red", [PRODUCTION]: "yellow" })], {
      id: 24,
      number: 2107,
      componentIds: [DEVELOPMENT, PRODUCTION],
    });

    expect(incidentsAffectingEnvironment([both], COMPONENTS, "production", commanderOf, now).map((i) => i.currentState)).toEqual(["yellow"]);
  });

  it("a maintenance does not close the gate", () => {
    const maintenance = incident([post("scheduled", "2020-09-03T12:00", { [PRODUCTION]: "blue" })], {
      kind: "maintenance",
      componentIds: [PRODUCTION],
      scheduledStartAt: utc("2020-09-03T14:00"),
      scheduledEndAt: utc("2020-09-03T16:00"),
    });

    expect(incidentsAffectingEnvironment([maintenance], COMPONENTS, "production", commanderOf, now)).toEqual([]);
  });
});

describe("the gate's decision", () => {
  it("is clear with no incident and no freeze", () => {
    expect(gateDecision({ service: "api", environment: "production", incidents: [], freezes: [] })).toEqual({
      status: "clear",
      service: "api",
      environment: "production",
    });
  });

  it("is closed by an open incident, and says why", () => {
    const incidents = [{ number: 2105, title: "Git push", currentState: "red" as const, worstState: "red" as const, commander: null }];
    const decision = gateDecision({ service: "api", environment: "production", incidents, freezes: [] });

    expect(decision).toMatchObject({ status: "closed", reason: "1 open incident affects production.", incidents });
  });

  it("is closed by a freeze alone", () => {
    const freezes = [{ frozenAt: now, frozenBy: "ada@example.com", incidentNumber: 2105, reason: "until the config is synced" }];

    expect(gateDecision({ service: "api", environment: "development", incidents: [], freezes })).toMatchObject({
      status: "closed",
      reason: "deploys to development are frozen.",
      freezes,
    });
  });
});
