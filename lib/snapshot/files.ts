// A snapshot on disk: the files under their URL-shaped paths plus `manifest.json`, which says
// what each file answers, its content type and ETag, and when the data was read. Files are
// replaced one by one (write to a temporary name, then rename), unchanged files are left alone,
// and the manifest is written last — a reader never sees a half-written file, and a directory
// synced to other hosting mid-write still has consistent files.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as z from "zod";
import { strongEtag } from "@/lib/public/prepared";
import type { Snapshot, SnapshotEntry } from "./collect";
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

function writeAtomically(target: string, body: Buffer | string, madeDirs?: Set<string>): void {
  const dir = path.dirname(target);
  if (!madeDirs?.has(dir)) {
    mkdirSync(dir, { recursive: true });
    madeDirs?.add(dir);
  }
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

/**
 * Writes entries into `dir` one at a time (a whole-site export need not hold every page in
 * memory), then `finish()` writes the manifest and removes what the previous one listed that is
 * gone. Without `finish()` (a failure half-way) the old manifest stays and only files replaced by
 * newer live content have changed.
 */
export class SnapshotDirWriter {
  readonly result: WriteResult = { written: 0, unchanged: 0, removed: 0 };
  private readonly previous: Manifest | null;
  private readonly previousEtags = new Map<string, string>();
  private readonly keep = new Set<string>([MANIFEST_FILE]);
  private readonly entries: Manifest["entries"] = [];
  private readonly madeDirs = new Set<string>();

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.previous = readManifest(dir);
    for (const entry of this.previous?.entries ?? []) {
      this.previousEtags.set(entry.file, entry.etag);
      if (entry.lastKnownFile && entry.lastKnownEtag) this.previousEtags.set(entry.lastKnownFile, entry.lastKnownEtag);
    }
  }

  put(entry: SnapshotEntry): void {
    this.putFile(entry.file, entry.body, entry.etag);
    const lastKnownFile = entry.lastKnown ? `${LAST_KNOWN_DIR}/${entry.file}` : undefined;
    const lastKnownEtag = entry.lastKnown ? strongEtag(entry.lastKnown) : undefined;
    if (lastKnownFile) this.putFile(lastKnownFile, entry.lastKnown!, lastKnownEtag!);
    this.entries.push({
      path: entry.path,
      file: entry.file,
      contentType: entry.contentType,
      etag: entry.etag,
      bytes: entry.body.length,
      fallback: entry.fallback,
      lastKnownFile,
      lastKnownEtag,
    });
  }

  finish(meta: { generatedAt: Date; publicUrl: string; scope: Snapshot["scope"] }): WriteResult {
    const manifest: Manifest = {
      format: FORMAT,
      generatedAt: meta.generatedAt.toISOString(),
      publicUrl: meta.publicUrl,
      scope: meta.scope,
      entries: this.entries,
    };
    writeAtomically(path.join(this.dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 1)}\n`);
    for (const entry of this.previous?.entries ?? []) {
      for (const file of [entry.file, entry.lastKnownFile]) {
        if (!file || this.keep.has(file)) continue;
        rmSync(inside(this.dir, file), { force: true });
        this.result.removed += 1;
      }
    }
    return this.result;
  }

  private putFile(file: string, body: Buffer, etag: string): void {
    this.keep.add(file);
    const target = inside(this.dir, file);
    if (this.previousEtags.get(file) === etag && existsSync(target)) {
      this.result.unchanged += 1;
      return;
    }
    writeAtomically(target, body, this.madeDirs);
    this.result.written += 1;
  }
}

/** Writes a whole snapshot; `between` runs after each file (the server answers pending requests there). */
export async function writeSnapshot(dir: string, snapshot: Snapshot, between: () => Promise<unknown> = async () => {}): Promise<WriteResult> {
  const writer = new SnapshotDirWriter(dir);
  for (const entry of snapshot.entries) {
    writer.put(entry);
    await between();
  }
  return writer.finish(snapshot);
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
