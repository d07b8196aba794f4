import { describe, expect, it } from "vitest";
import { classifyDeploys, deploysBeforeIncident, revertStepsLabel } from "@/lib/deploys/history";
import { HOUR, utc } from "../timeline/fixtures";
import { deploy, deployLog } from "./fixtures";

const incidentStart = utc("2020-09-03T14:02");

describe("the deploy window before an incident", () => {
  const deploys = [deploy("api", "v1", "2020-09-02T10:00"), ...deployLog("api v2 09:00", "git-server g7 11:55", "git-server g8 13:40", "dashboard d3 14:30")];

  it("lists the deploys of the 2 hours before it began, newest first, and only their services as suspects", () => {
    const window = deploysBeforeIncident(deploys, incidentStart);

    expect(window.from).toEqual(utc("2020-09-03T12:02"));
    expect(window.inWindow.map((d) => d.version)).toEqual(["g8"]);
    expect(window.suspects.map((s) => s.service)).toEqual(["git-server"]);
  });

  it("widens when asked: 3 hours also catch the deploy at 11:55", () => {
    const window = deploysBeforeIncident(deploys, incidentStart, 3 * HOUR);

    expect(window.inWindow.map((d) => d.version)).toEqual(["g8", "g7"]);
  });

  it("counts a deploy exactly at the window's edges, and none after the incident began", () => {
    const edges = deployLog("api a1 12:02", "api a2 14:02", "api a3 14:03");

    expect(deploysBeforeIncident(edges, incidentStart).inWindow.map((d) => d.version)).toEqual(["a2", "a1"]);
  });
});

describe("−1, −2, … per suspect service", () => {
  it("labels the distinct versions before the running one and offers −1 to revert to", () => {
    const history = deployLog("api v1 08:00", "api v2 10:00", "api v3 13:30");

    const [api] = deploysBeforeIncident(history, incidentStart).suspects;

    expect(api?.running.version).toBe("v3");
    expect(api?.previous.map((p) => [p.label, p.version])).toEqual([
      ["\u22121", "v2"],
      ["\u22122", "v1"],
    ]);
    expect(api?.revertTo).toBe("v2");
  });

  it("skips repeated versions: after v1 → v2 → v1 (revert) → v3, −1 is v1 and −2 is v2", () => {
    const history = deployLog("api v1 08:00", "api v2 09:00", "api v1 10:00", "api v3 13:00");

    const [api] = deploysBeforeIncident(history, incidentStart).suspects;

    expect(api?.previous.map((p) => p.version)).toEqual(["v1", "v2"]);
  });

  it("keeps environments apart: a development deploy is not production's −1", () => {
    const history = [deploy("api", "dev-9", "2020-09-03T12:30", { environment: "development" }), deploy("api", "v3", "2020-09-03T13:30")];

    const suspects = deploysBeforeIncident(history, incidentStart).suspects;

    expect(suspects.map((s) => [s.environment, s.running.version, s.revertTo])).toEqual([
      ["production", "v3", null],
      ["development", "dev-9", null],
    ]);
  });

  it("has no revert target for a service's first deploy", () => {
    const [first] = deploysBeforeIncident([deploy("new", "n1", "2020-09-03T13:00")], incidentStart).suspects;

    expect(first?.previous).toEqual([]);
    expect(first?.revertTo).toBeNull();
  });
});

describe("reverts", () => {
  it("a deploy of an earlier version of the same service and environment is a revert to it; a new version is not", () => {
    const classified = classifyDeploys([
      deploy("api", "v1", "2020-09-03T08:00"),
      deploy("api", "v2", "2020-09-03T09:00"),
      deploy("web", "v1", "2020-09-03T09:30"),
      deploy("api", "v1", "2020-09-03T10:00", { environment: "development" }),
      deploy("api", "v1", "2020-09-03T11:00"),
    ]);

    expect(classified.map((d) => [d.service, d.environment, d.version, d.revertOf?.deployedAt.toISOString() ?? null])).toEqual([
      ["api", "production", "v1", null],
      ["api", "production", "v2", null],
      ["web", "production", "v1", null],
      ["api", "development", "v1", null],
      ["api", "production", "v1", "2020-09-03T08:00:00.000Z"],
    ]);
  });

  it("on the incident, the revert that did not help is −1 and the one that did is −2", () => {
    const before = deployLog("api 2.14.0 09:00", "api 2.15.0 11:00", "api 2.16.0 13:45");
    const during = deployLog("api 2.15.0 14:20", "api 2.14.0 14:50");
    const { suspects } = deploysBeforeIncident(before, incidentStart);

    const reverts = classifyDeploys([...before, ...during]).filter((d) => d.deployedAt.getTime() > incidentStart.getTime());

    expect(reverts.map((d) => [d.version, revertStepsLabel(d, suspects)])).toEqual([
      ["2.15.0", "\u22121"],
      ["2.14.0", "\u22122"],
    ]);
  });

  it("a new version during the incident is no revert and has no −N", () => {
    const before = [deploy("api", "2.16.0", "2020-09-03T13:45")];
    const fix = classifyDeploys([...before, deploy("api", "2.16.1", "2020-09-03T14:22")]);

    expect(revertStepsLabel(fix[1]!, deploysBeforeIncident(before, incidentStart).suspects)).toBeNull();
  });
});
