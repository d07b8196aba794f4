// PURE: what one received alert does, given what Beacon already knows about it (by fingerprint).
// The database work for each decision is in ingest.ts; the rules of grouping are here, in order:
//   1. Resolved: unknown or already resolved → nothing; firing before → resolve it.
//   2. The same firing notification again → nothing (idempotent), also when its draft was dismissed.
//   3. Firing again within COOL_DOWN_MS of resolving (flapping) → back on its open incident or open
//      draft, and never reopens an incident that was resolved meanwhile.
//   4. No rule → unrouted. Its incident still open → attach there. Its draft still open → stay.
//   5. Otherwise look for the group's open draft or incident, else open a draft (or join the storm).
import type { AlertStatus } from "./payloads";

export const COOL_DOWN_MS = 10 * 60_000;
export const STORM_WINDOW_MS = 10 * 60_000;

export interface KnownAlert {
  status: AlertStatus;
  statusChangedAt: Date;
  draftId: number | null;
  draftStatus: "open" | "confirmed" | "dismissed" | null;
  incidentId: number | null;
  /** The linked incident exists and is not resolved. */
  incidentOpen: boolean;
}

export type Decision =
  | { kind: "ignore"; why: string }
  | { kind: "resolve" }
  | { kind: "attach-to-incident"; incidentId: number; flapping: boolean }
  | { kind: "stay-on-draft"; flapping: boolean }
  | { kind: "unrouted" }
  | { kind: "find-group" };

export function decide(status: AlertStatus, known: KnownAlert | null, routed: boolean, now: Date): Decision {
  const changed = known?.status !== status;
  if (status === "resolved") {
    if (!known) return { kind: "ignore", why: "resolved before Beacon saw it fire" };
    return changed ? { kind: "resolve" } : { kind: "ignore", why: "was already resolved" };
  }
  const linked = known !== null && (known.draftId !== null || known.incidentId !== null);
  if (known && !changed) {
    if (known.draftStatus === "dismissed") return { kind: "ignore", why: "is still firing; its draft was dismissed" };
    if (linked) return { kind: "ignore", why: "is still firing (repeated notification)" };
  }
  const openIncidentId = known?.incidentOpen ? known.incidentId : null;
  const onOpenDraft = known?.draftId != null && known.draftStatus === "open";
  if (known && changed && isFlapping(known, now)) {
    if (openIncidentId !== null) return { kind: "attach-to-incident", incidentId: openIncidentId, flapping: true };
    if (onOpenDraft) return { kind: "stay-on-draft", flapping: true };
    if (linked) return { kind: "ignore", why: "fired again within the cool-down; not reopened" };
  }
  if (!routed) return { kind: "unrouted" };
  if (openIncidentId !== null) return { kind: "attach-to-incident", incidentId: openIncidentId, flapping: false };
  if (onOpenDraft) return { kind: "stay-on-draft", flapping: false };
  return { kind: "find-group" };
}

/** Resolved, and firing again before the cool-down ended. */
export function isFlapping(known: Pick<KnownAlert, "status" | "statusChangedAt">, now: Date): boolean {
  return known.status === "resolved" && now.getTime() - known.statusChangedAt.getTime() < COOL_DOWN_MS;
}

/** Integrations opened `recentOpenings` drafts within STORM_WINDOW_MS: one more would exceed the threshold. */
export function stormReached(recentOpenings: number, threshold: number): boolean {
  return recentOpenings >= threshold;
}
