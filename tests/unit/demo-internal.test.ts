import { describe, expect, it } from "vitest";
import { demoDataset } from "@/lib/demo";
import type { DemoDeploy, DemoIncident } from "@/lib/demo/types";
import { type DeployRecord, deploysBeforeIncident, incidentDeploys } from "@/lib/deploys/history";

const NOW = new Date("2026-11-22T14:37:12.345Z");
const dataset = demoDataset(NOW);
const byNumber = (number: number) => dataset.incidents.find((incident) => incident.number === number)!;

function records(deploys: readonly DemoDeploy[]): DeployRecord[] {
  return deploys.map((d, index) => ({
    ...d,
    id: index + 1,
    url: null,
    recordedByLabel: "demo",
    forcedThroughGate: d.forcedBy !== undefined,
    forcedBy: d.forcedBy ?? null,
  }));
}

const story = (incident: DemoIncident) => {
  const deploys = records(incident.deploys ?? []);
  const before = deploysBeforeIncident(deploys, incident.openedAt);
  return { before, deploys: incidentDeploys(deploys, before.suspects, before.from) };
};

describe("the demo's internal timelines", () => {
  it("#2105: the git-server deploy 15 minutes before, the 401 alert, the config transmit and the restart", () => {
    const incident = byNumber(2105);
    const { before } = story(incident);

    expect(before.suspects.map((s) => [s.service, s.running.version, s.revertTo])).toEqual([["git-server", "2020.09.03.1", "2020.08.31.2"]]);
    const internal = incident.internal ?? [];
    expect(internal.find((entry) => entry.systemCode === "alert.fired")?.body).toContain("401");
    expect(internal.map((entry) => entry.body).join("\n")).toMatch(/transmitted to production[\s\S]*Restarting/);
  });

  it("the open Platform API incident: the revert to −1 did not help, the revert to −2 did", () => {
    const open = dataset.incidents.find((incident) => incident.title === "Elevated error rates on the Platform API")!;
    const { before, deploys } = story(open);

    expect(before.suspects[0]?.previous.map((p) => [p.label, p.version])).toEqual([
      ["\u22121", "2.42.0"],
      ["\u22122", "2.41.0"],
    ]);
    expect(deploys.filter((d) => d.revertOfVersion).map((d) => [d.version, d.revertSteps, d.forcedBy])).toEqual([
      ["2.42.0", "\u22121", "on-call"],
      ["2.41.0", "\u22122", "on-call"],
    ]);
    expect(open.internal?.map((entry) => entry.body).join("\n")).toMatch(/did not help[\s\S]*−2/);
  });

  it("the 2012 outage has the on-call notes about PagerDuty and AWS", () => {
    expect(byNumber(386).internal?.map((entry) => entry.body.split(" — ")[0])).toEqual(["PagerDuty crushed", "AWS API offline"]);
  });
});
