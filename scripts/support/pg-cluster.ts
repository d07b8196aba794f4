// A throwaway PostgreSQL cluster for tests: initdb into a temp dir, start on a free port on
// 127.0.0.1, trust auth, fsync off. Needs `initdb` and `pg_ctl` on PATH.
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { freePort } from "./free-port";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface PgCluster {
  url: string;
  stop(): Promise<void>;
  /** Stops the server (fast shutdown) and keeps its data, as a database outage would. */
  pause(): Promise<void>;
  /** Starts it again on the same port and resolves once it accepts connections. */
  resume(): Promise<void>;
}

export async function startPgCluster(): Promise<PgCluster> {
  const dir = mkdtempSync(path.join(tmpdir(), "beacon-pg-"));
  const dataDir = path.join(dir, "data");
  const asPostgres = await postgresOwner(dir);
  const command = (tool: string, args: string[]): [string, string[]] => (asPostgres ? ["runuser", ["-u", "postgres", "--", tool, ...args]] : [tool, args]);
  const pgTool = (tool: string, args: string[]) => run(...command(tool, args));
  // If the test runner exits without its teardown (Ctrl-C, a crash), don't leave a server behind.
  const stopOnExit = () => {
    spawnSync(...command("pg_ctl", ["-D", dataDir, "-m", "immediate", "stop"]));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await pgTool("initdb", ["-U", "postgres", "--auth=trust", "--no-sync", "-D", dataDir]);
    const port = await startOnFreePort((port) =>
      pgTool("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-o", serverOptions(dir, port), "start"]),
    );
    process.once("exit", stopOnExit);
    const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
    return {
      url,
      async pause() {
        await pgTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      },
      async resume() {
        await pgTool("pg_ctl", ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-o", serverOptions(dir, port), "start"]);
        await untilAccepting(url);
      },
      async stop() {
        process.removeListener("exit", stopOnExit);
        await pgTool("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    const log = existsSync(path.join(dir, "server.log")) ? readFileSync(path.join(dir, "server.log"), "utf8") : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a test PostgreSQL: ${(error as { stderr?: string }).stderr || String(error)}${log}`);
  }
}

/** `pg_ctl -w` returns once the server is up; a first connection proves it takes clients. */
async function untilAccepting(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withClient(url, (client) => client.query("SELECT 1"));
      return;
    } catch (error) {
      if (attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function serverOptions(dir: string, port: number): string {
  return `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
}

/** initdb refuses to run as root: then the cluster belongs to user `postgres`. */
async function postgresOwner(dir: string): Promise<boolean> {
  if (process.getuid?.() !== 0) return false;
  const [uid, gid] = await Promise.all(["-u", "-g"].map(async (flag) => Number((await run("id", [flag, "postgres"])).stdout.trim())));
  chownSync(dir, uid!, gid!);
  return true;
}

/** Another process may take the port between probing and starting, so retry a few times. */
async function startOnFreePort(start: (port: number) => Promise<unknown>): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await start(port);
      return port;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A fresh, empty database in the test cluster (TEST_PG_URL); drop() removes it. */
export async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `beacon_test_${randomBytes(6).toString("hex")}`;
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
