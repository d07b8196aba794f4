// A snapshot on disk: the files under their URL-shaped paths plus `manifest.json`, which says
// what each file answers, its content type and ETag, and when the data was read. Files are
// replaced one by one (write to a temporary name, then rename), unchanged files are left alone,
// and the manifest is written last — a reader never sees a half-written file, and a directory
// synced to other hosting mid-write still has consistent files.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { etagOf, type Snapshot, type SnapshotEntry } from "./collect";
import { LAST_KNOWN_DIR } from "./paths";

export const MANIFEST_FILE = "manifest.json";
const FORMAT = "beacon-snapshot/1";

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  generatedAt: z.iso.datetime(),
  publicUrl: z.string(),
  scope: z.enum(["live", "site"]),
  entries: z.array(
    z.object({
      path: z.string().startsWith("/"),
      file: z.string().min(1),
      contentType: z.string(),
      etag: z.string(),
      bytes: z.number().int().nonnegative(),
      fallback: z.enum(["last-known", "as-is", "never"]),
      lastKnownFile: z.string().optional(),
      lastKnownEtag: z.string().optional(),
    }),
  ),
});
type Manifest = z.infer<typeof manifestSchema>;

/** Refuses paths that would leave the snapshot directory (a manifest is read back from disk). */
function inside(dir: string, file: string): string {
  const resolved = path.resolve(dir, file);
  if (!resolved.startsWith(path.resolve(dir) + path.sep)) throw new Error(`snapshot file outside its directory: ${file}`);
  return resolved;
}

const TEMPORARY = /\.tmp-\d+$/;

/** Temporary files a killed writer left behind (`kill -9` between write and rename). */
export function removeTemporaryFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  const leftovers = readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((file) => TEMPORARY.test(file));
  for (const file of leftovers) rmSync(path.join(dir, file), { force: true });
  return leftovers.length;
}

function writeAtomically(target: string, body: Buffer | string): void {
  mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  writeFileSync(temporary, body);
  renameSync(temporary, target);
}

function readManifest(dir: string): Manifest | null {
  const file = path.join(dir, MANIFEST_FILE);
  if (!existsSync(file)) return null;
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (error) {
    console.error(`snapshot: ignoring ${file}: ${error instanceof Error ? error.message : error}`);
    return null;
  }
}

export interface WriteResult {
  written: number;
  unchanged: number;
  removed: number;
}

export function writeSnapshot(dir: string, snapshot: Snapshot): WriteResult {
  mkdirSync(dir, { recursive: true });
  const previous = readManifest(dir);
  const previousEtags = new Map<string, string>();
  for (const entry of previous?.entries ?? []) {
    previousEtags.set(entry.file, entry.etag);
    if (entry.lastKnownFile && entry.lastKnownEtag) previousEtags.set(entry.lastKnownFile, entry.lastKnownEtag);
  }
  const result: WriteResult = { written: 0, unchanged: 0, removed: 0 };
  const keep = new Set<string>([MANIFEST_FILE]);
  const put = (file: string, body: Buffer, etag: string) => {
    keep.add(file);
    const target = inside(dir, file);
    if (previousEtags.get(file) === etag && existsSync(target)) {
      result.unchanged += 1;
      return;
    }
    writeAtomically(target, body);
    result.written += 1;
  };
  const manifest: Manifest = {
    format: FORMAT,
    generatedAt: snapshot.generatedAt.toISOString(),
    publicUrl: snapshot.publicUrl,
    scope: snapshot.scope,
    entries: snapshot.entries.map((entry) => {
      put(entry.file, entry.body, entry.etag);
      const lastKnownFile = entry.lastKnown ? `${LAST_KNOWN_DIR}/${entry.file}` : undefined;
      const lastKnownEtag = entry.lastKnown ? etagOf(entry.lastKnown) : undefined;
      if (lastKnownFile) put(lastKnownFile, entry.lastKnown!, lastKnownEtag!);
      return {
        path: entry.path,
        file: entry.file,
        contentType: entry.contentType,
        etag: entry.etag,
        bytes: entry.body.length,
        fallback: entry.fallback,
        lastKnownFile,
        lastKnownEtag,
      };
    }),
  };
  writeAtomically(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
  for (const entry of previous?.entries ?? []) {
    for (const file of [entry.file, entry.lastKnownFile]) {
      if (!file || keep.has(file)) continue;
      rmSync(inside(dir, file), { force: true });
      result.removed += 1;
    }
  }
  return result;
}

/** The snapshot in `dir`, or null when there is none (entries whose file is gone are skipped). */
export function readSnapshot(dir: string): Snapshot | null {
  const manifest = readManifest(dir);
  if (!manifest) return null;
  const entries: SnapshotEntry[] = [];
  for (const entry of manifest.entries) {
    try {
      const body = readFileSync(inside(dir, entry.file));
      const lastKnown = entry.lastKnownFile ? readFileSync(inside(dir, entry.lastKnownFile)) : undefined;
      entries.push({ path: entry.path, file: entry.file, contentType: entry.contentType, body, etag: entry.etag, fallback: entry.fallback, lastKnown });
    } catch {
      // A file removed by hand: serve what is left.
    }
  }
  return { generatedAt: new Date(manifest.generatedAt), publicUrl: manifest.publicUrl, scope: manifest.scope, entries };
}
