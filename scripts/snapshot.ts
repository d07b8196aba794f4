// `npm run snapshot -- --out DIR`: exports the whole public site (every page, incident, history
// page, feed, API payload, badge and the calendar) as static files, for hosting away from the
// platform Beacon reports on. Run it after publishing (or from cron) and sync DIR to any web
// server or object store; see README "Running in production". Exports only live data: with the
// database unreachable it fails, and DIR keeps its previous manifest (files are replaced one by
// one, each by newer live content, so a half-finished run never leaves a wrong page). A private
// site (lib/access) is exported only with --include-private.
import "./production-env";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { CliError, runCli } from "../lib/server/cli";
import { prepareRuntime } from "../lib/server/boot";
import { collectInto, SnapshotNotLive } from "../lib/snapshot/collect";
import { SnapshotDirWriter } from "../lib/snapshot/files";
import { PUBLIC_CSS_FILE } from "../lib/public/render";
import { exportRefusal } from "../lib/access/export";
import { db } from "../lib/db/client";

await runCli("snapshot", async () => {
  const { values } = parseArgs({ options: { out: { type: "string" }, "include-private": { type: "boolean" } }, strict: true });
  if (!values.out) throw new CliError("usage: npm run snapshot -- --out DIR [--include-private]");
  const out = path.resolve(values.out);
  if (!existsSync(PUBLIC_CSS_FILE)) throw new CliError(`${PUBLIC_CSS_FILE} is missing; run \`npm run build\` first`);
  const env = await prepareRuntime();
  const refusal = await exportRefusal(db(), values["include-private"] === true);
  if (refusal) throw new CliError(`not exported: ${refusal}`);
  const started = Date.now();
  const writer = new SnapshotDirWriter(out);
  let files = 0;
  let bytes = 0;
  const meta = await collectInto("site", new Date(), (entry) => {
    writer.put(entry);
    files += 1;
    bytes += entry.body.length;
  }).catch((error: unknown) => {
    throw error instanceof SnapshotNotLive ? new CliError(`not exported, the data is not live: ${error.message}`) : error;
  });
  const result = writer.finish(meta);
  console.log(
    `exported ${files} files (${(bytes / 1024 / 1024).toFixed(1)} MiB; ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed) ` +
      `to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s — links and feeds point at ${env.publicUrl}`,
  );
});
