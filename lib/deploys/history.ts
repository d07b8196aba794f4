// PURE: "did we break production?" answered from the deploy log. For an incident that began at
// `startedAt`:
// 1. The window is [startedAt − windowMs, startedAt] (default 2 hours); a service that deployed in
//    it is a suspect.
// 2. For each suspect (service + environment), the version running when the incident began is the
//    newest deploy at or before startedAt; −1, −2, … are the distinct versions before it, newest
//    first. Reverting to −1 means deploying −1's version again.
// 3. A deploy whose version equals an earlier deploy's of the same service and environment is a
//    revert (to that earlier one); on an incident it is labelled with the −N it went back to.
import { HOUR_MS } from "@/lib/timeline/dates";
import type { DeployEnvironment } from "@/lib/validation/deploys";

export const DEFAULT_DEPLOY_WINDOW_MS = 2 * HOUR_MS;
/** How many earlier versions a suspect service lists. */
export const PREVIOUS_VERSIONS_SHOWN = 5;

export interface DeployRecord {
  id: number;
  service: string;
  version: string;
  previousVersion: string | null;
  environment: DeployEnvironment;
  url: string | null;
  deployedBy: string;
  deployedAt: Date;
  recordedByLabel: string;
  forcedThroughGate: boolean;
  forcedBy: string | null;
}

/** "−1" with a real minus sign, as the team says it: "status −1". */
export function stepsLabel(steps: number): string {
  return `\u2212${steps}`;
}

export interface PreviousVersion {
  steps: number;
  label: string;
  version: string;
  deployedAt: Date;
}

export interface SuspectService {
  service: string;
  environment: DeployEnvironment;
  /** The version running when the incident began. */
  running: DeployRecord;
  /** −1, −2, … newest first: distinct versions before the running one. */
  previous: PreviousVersion[];
  /** The version a revert would deploy: −1's, if there is one. */
  revertTo: string | null;
}

export interface DeploysBeforeIncident {
  from: Date;
  to: Date;
  /** Deploys in the window, newest first. */
  inWindow: DeployRecord[];
  suspects: SuspectService[];
}

const byTime = (a: DeployRecord, b: DeployRecord) => a.deployedAt.getTime() - b.deployedAt.getTime() || a.id - b.id;
const streamOf = (deploy: Pick<DeployRecord, "service" | "environment">) => `${deploy.environment}\u0000${deploy.service}`;

/** Rules 1–2. `deploys` may hold any deploys; each stream's history is read from them. */
export function deploysBeforeIncident(deploys: readonly DeployRecord[], startedAt: Date, windowMs = DEFAULT_DEPLOY_WINDOW_MS): DeploysBeforeIncident {
  const to = startedAt.getTime();
  const from = to - windowMs;
  const upToStart = deploys.filter((deploy) => deploy.deployedAt.getTime() <= to).sort(byTime);
  const inWindow = upToStart.filter((deploy) => deploy.deployedAt.getTime() >= from).reverse();
  const suspectStreams = [...new Set(inWindow.map(streamOf))];
  const suspects = suspectStreams.map((stream) => suspectService(upToStart.filter((deploy) => streamOf(deploy) === stream)));
  return { from: new Date(from), to: new Date(to), inWindow, suspects };
}

/** `history`: one stream's deploys up to the incident's start, oldest first (at least one). */
function suspectService(history: readonly DeployRecord[]): SuspectService {
  const running = history[history.length - 1]!;
  const seen = new Set([running.version]);
  const previous: PreviousVersion[] = [];
  for (const deploy of [...history].reverse()) {
    if (seen.has(deploy.version)) continue;
    seen.add(deploy.version);
    const steps = previous.length + 1;
    previous.push({ steps, label: stepsLabel(steps), version: deploy.version, deployedAt: deploy.deployedAt });
    if (previous.length === PREVIOUS_VERSIONS_SHOWN) break;
  }
  return { service: running.service, environment: running.environment, running, previous, revertTo: previous[0]?.version ?? null };
}

export interface ClassifiedDeploy extends DeployRecord {
  /** The earlier deploy of the same version this one went back to; null if the version is new. */
  revertOf: DeployRecord | null;
}

/** Rule 3 over any list of deploys (each stream's earlier deploys must be in it). */
export function classifyDeploys(deploys: readonly DeployRecord[]): ClassifiedDeploy[] {
  const latestOfVersion = new Map<string, DeployRecord>();
  return [...deploys].sort(byTime).map((deploy) => {
    const key = `${streamOf(deploy)}\u0000${deploy.version}`;
    const revertOf = latestOfVersion.get(key) ?? null;
    latestOfVersion.set(key, deploy);
    return { ...deploy, revertOf };
  });
}

/** On an incident: which −N a revert went back to, by the versions listed for its service. */
export function revertStepsLabel(deploy: ClassifiedDeploy, suspects: readonly SuspectService[]): string | null {
  if (!deploy.revertOf) return null;
  const suspect = suspects.find((s) => s.service === deploy.service && s.environment === deploy.environment);
  return suspect?.previous.find((p) => p.version === deploy.version)?.label ?? null;
}

export interface IncidentDeploy extends DeployRecord {
  /** The version this deploy went back to, if it is a revert. */
  revertOfVersion: string | null;
  /** On this incident: the −N a revert went back to, when its service is a suspect. */
  revertSteps: string | null;
}

/** An incident's deploys from `from` (the window's start) on, each marked as a revert (with its −N) or not. */
export function incidentDeploys(deploys: readonly DeployRecord[], suspects: readonly SuspectService[], from: Date): IncidentDeploy[] {
  return classifyDeploys(deploys)
    .filter((deploy) => deploy.deployedAt.getTime() >= from.getTime())
    .map((deploy) => {
      const { revertOf, ...record } = deploy;
      return { ...record, revertOfVersion: revertOf?.version ?? null, revertSteps: revertStepsLabel(deploy, suspects) };
    });
}
