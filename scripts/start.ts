// `npm start`: the production server (`--dev`: the development server), compiled ahead of time by
// `npm run build` (scripts/build-server.ts). Validates the environment, applies pending migrations
// (never seeds), then serves: every public URL from lib/public/server.ts, the write API from
// lib/api/server.ts, the admin side from Next.js.
import "./production-env";
import { createServer } from "node:http";
import { existsSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { prepareServer, describeDatabase, snapshotDir } from "../lib/server/boot";
import { CliError, runCli } from "../lib/server/cli";
import { db } from "../lib/db/client";
import { startWebhookDispatcher } from "../lib/webhooks/dispatcher";
import { startMailDispatcher } from "../lib/mail/dispatcher";
import { handlePublicRequest } from "../lib/public/server";
import { handleAccessRequest } from "../lib/public/access-forms";
import { handleSubscriptionRequest } from "../lib/public/subscription-forms";
import { handleWriteApiRequest } from "../lib/api/server";
import { startCrossInstanceInvalidation } from "../lib/public/cross-instance";
import { invalidatePublicViews } from "../lib/events/public-views";
import { startSnapshotWriter } from "../lib/snapshot/writer";
import { startMaintenanceClock } from "../lib/public/maintenance-clock";
import { PEER_ADDRESS_HEADER } from "../lib/auth/client-ip";
import { announceSetupCode } from "../lib/auth/setup-code";

const dev = process.argv.includes("--dev");

await runCli("beacon", async () => {
  if (!dev && !existsSync(`${process.env.BEACON_NEXT_DIST_DIR || ".next"}/BUILD_ID`))
    throw new CliError("no production build found; run `npm run build` first");
  const { env, databaseReady } = await prepareServer({ log: (line) => console.log(`migrate: ${line}`) });
  const hostname = process.env.HOSTNAME || "0.0.0.0";
  // Next.js answers only the admin side. In production it is loaded on the first such request, so a
  // server that only answers readers and the write API never holds it in memory; `--dev` loads it at
  // once for hot reloading.
  let nextHandler: Promise<(request: IncomingMessage, response: ServerResponse) => Promise<void>> | null = null;
  const loadNext = () =>
    (nextHandler ??= import("next").then(async ({ default: next }) => {
      const app = next({ dev, hostname, port: env.port });
      await app.prepare();
      return app.getRequestHandler();
    }));
  if (dev) await loadNext();
  // With PostgreSQL there may be several instances: a publish on any refreshes all of them.
  if (env.database.provider === "postgresql") startCrossInstanceInvalidation(env.database.url);
  // The last known public site, kept in data/snapshot/ after every publish and every minute; it is
  // what the public pages, feeds and APIs answer with while the database is unreachable.
  const snapshots = startSnapshotWriter(snapshotDir(env));
  // Started on the snapshot: once the database answers, every view reloads from live data.
  void databaseReady?.then(() => invalidatePublicViews());
  const maintenanceClock = startMaintenanceClock(db(), { log: (line) => console.log(line) });
  startWebhookDispatcher(db());
  startMailDispatcher(db());
  const server = createServer((request, response) => {
    // The socket's address for lib/auth/client-ip.ts, replacing any value a client sent under that name.
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    let handled: boolean | Promise<boolean>;
    try {
      handled = handleAccessRequest(request, response) || handleSubscriptionRequest(request, response) || handlePublicRequest(request, response);
    } catch (error) {
      handled = Promise.reject(error);
    }
    if (handled === true) return; // a kept public answer, already sent: no promise on the busiest path
    Promise.resolve(handled)
      .then((handled) => handled || handleWriteApiRequest(request, response))
      .then((handled) => (handled ? undefined : loadNext().then((handle) => handle(request, response))))
      .catch((error: unknown) => {
        console.error("request failed:", request.url, error);
        if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
        response.end("Internal error");
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new CliError(`port ${env.port} is already in use; set PORT to another port`) : error),
    );
    server.listen(env.port, hostname, resolve);
  });
  console.log(`Beacon ready on http://localhost:${env.port} (${describeDatabase(env)}; public URL ${env.publicUrl})`);
  void announceSetupCode(db(), env.publicUrl, databaseReady, (line) => console.log(line));
  const stop = () => {
    snapshots.stop();
    maintenanceClock.stop();
    server.close(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
});
