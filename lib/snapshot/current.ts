// The snapshot this process falls back to while the database is unreachable: the newest one it
// wrote, or the one found in data/snapshot/ at start (so a restart during an outage still has
// something true to show). Answers are compressed once, on first use.
import { brotliCompressSync, gzipSync, constants as zlib } from "node:zlib";
import type { Snapshot, SnapshotEntry } from "./collect";
import { etagOf } from "./collect";
import { snapshotKey } from "./paths";

export interface FallbackAnswer {
  contentType: string;
  etag: string;
  identity: Buffer;
  gzip: Buffer;
  brotli: Buffer;
  generatedAt: Date;
  /** Pages carry the notice in their HTML; feeds and APIs say it in headers only. */
  kind: "page" | "payload";
}

interface Current {
  snapshot: Snapshot;
  byPath: Map<string, SnapshotEntry>;
  answers: Map<string, FallbackAnswer>;
}

const globalForSnapshot = globalThis as unknown as { beaconSnapshot?: Current | null };

export function setCurrentSnapshot(snapshot: Snapshot): void {
  globalForSnapshot.beaconSnapshot = { snapshot, byPath: new Map(snapshot.entries.map((entry) => [entry.path, entry])), answers: new Map() };
}

export function currentSnapshotTime(): Date | null {
  return globalForSnapshot.beaconSnapshot?.snapshot.generatedAt ?? null;
}

/** For tests. */
export function clearCurrentSnapshot(): void {
  globalForSnapshot.beaconSnapshot = null;
}

/** What to serve for this URL while live data is unavailable, or null when the snapshot has nothing usable. */
export function fallbackAnswer(pathname: string, search: string): FallbackAnswer | null {
  const current = globalForSnapshot.beaconSnapshot;
  if (!current) return null;
  const key = snapshotKey(pathname, search);
  if (!key) return null;
  const kept = current.answers.get(key);
  if (kept) return kept;
  const entry = current.byPath.get(key);
  if (!entry || entry.fallback === "never") return null;
  const identity = entry.fallback === "last-known" ? entry.lastKnown : entry.body;
  if (!identity) return null;
  const answer: FallbackAnswer = {
    contentType: entry.contentType,
    etag: entry.fallback === "last-known" ? etagOf(identity) : entry.etag,
    identity,
    gzip: gzipSync(identity, { level: 6 }),
    brotli: brotliCompressSync(identity, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }),
    generatedAt: current.snapshot.generatedAt,
    kind: entry.fallback === "last-known" ? "page" : "payload",
  };
  current.answers.set(key, answer);
  return answer;
}

/** Headers on every answer served from the snapshot: machines can tell it is not live. */
export function snapshotHeaders(answer: FallbackAnswer): Record<string, string> {
  return {
    "Beacon-Data-Source": "snapshot",
    "Beacon-Snapshot-Time": answer.generatedAt.toISOString(),
    // Short, so a CDN picks up live data soon after the database is back.
    "Cache-Control": "public, max-age=5, stale-if-error=86400",
  };
}
