// The snapshot this process falls back to while the database is unreachable: the newest one it
// wrote, or the one found in data/snapshot/ at start (so a restart during an outage still has
// something true to show). Its entries are served as prepared responses, like any live answer.
import { answerFallbackFrom } from "@/lib/public/answers";
import { prepare, type PreparedResponse } from "@/lib/public/prepared";
import type { Snapshot, SnapshotEntry } from "./collect";
import { snapshotKey } from "./paths";

interface Current {
  snapshot: Snapshot;
  byPath: Map<string, SnapshotEntry>;
  answers: Map<string, PreparedResponse>;
}

let current: Current | null = null;

export function setCurrentSnapshot(snapshot: Snapshot): void {
  current = { snapshot, byPath: new Map(snapshot.entries.map((entry) => [entry.path, entry])), answers: new Map() };
}

export function currentSnapshotTime(): Date | null {
  return current?.snapshot.generatedAt ?? null;
}

/** For tests. */
export function clearCurrentSnapshot(): void {
  current = null;
}

/** Headers on every answer served from the snapshot: machines can tell it is not live. */
function snapshotHeaders(generatedAt: Date): Record<string, string> {
  return {
    "Beacon-Data-Source": "snapshot",
    "Beacon-Snapshot-Time": generatedAt.toISOString(),
    // Short, so a CDN picks up live data soon after the database is back.
    "Cache-Control": "public, max-age=5, stale-if-error=86400",
  };
}

/**
 * The snapshot's answer for a public address (as `snapshotKey` names it), or null when the snapshot
 * has nothing usable: pages answer with their "last known status" variant, which carries the
 * notice; feeds and APIs as they were, with the headers; badges never (an image cannot say it).
 */
export function snapshotAnswer(path: string): PreparedResponse | null {
  if (!current) return null;
  const key = snapshotKey(path);
  if (!key) return null;
  const kept = current.answers.get(key);
  if (kept) return kept;
  const entry = current.byPath.get(key);
  if (!entry || entry.fallback === "never") return null;
  const body = entry.fallback === "last-known" ? entry.lastKnown : entry.body;
  if (!body) return null;
  const kind = entry.fallback === "last-known" ? "page" : "payload";
  const answer = prepare({ status: 200, body, contentType: entry.contentType }, kind, snapshotHeaders(current.snapshot.generatedAt));
  current.answers.set(key, answer);
  return answer;
}

answerFallbackFrom(snapshotAnswer);
