import type { DeployRecord } from "@/lib/deploys/history";
import { utc } from "../timeline/fixtures";

let lastId = 0;

/** A production deploy of `service` at a UTC time like "2020-09-03T13:40". */
export function deploy(service: string, version: string, at: string, overrides: Partial<DeployRecord> = {}): DeployRecord {
  return {
    id: ++lastId,
    service,
    version,
    previousVersion: null,
    environment: "production",
    url: null,
    deployedBy: "ci",
    deployedAt: utc(at),
    recordedByLabel: "token:ci",
    forcedThroughGate: false,
    forcedBy: null,
    ...overrides,
  };
}

/** Production deploys on the incident's day (2020-09-03), written as a deploy log: "service version HH:MM". */
export function deployLog(...entries: string[]): DeployRecord[] {
  return entries.map((entry) => {
    const [service, version, time] = entry.split(" ");
    return deploy(service!, version!, `2020-09-03T${time}`);
  });
}
