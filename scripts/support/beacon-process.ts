// The production server as a child process, for fault tests and the benchmark: the command of
// `npm start` (package.json), on 127.0.0.1 and a free port, against a given database and data
// directory. It runs in its own process group, so kill9() takes down everything it started, as a
// crash would.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./free-port";
import { treeCpuMs, treeRssKb } from "./process-tree";

const ROOT = path.resolve(import.meta.dirname, "../..");
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;
/** Enough of the server's output to explain a failure, without growing through a long soak. */
const KEEP_OUTPUT_CHARS = 200_000;

export interface BeaconOptions {
  databaseUrl: string;
  /** The checkout whose `npm start` runs (default: this one); `scripts/bench/compare.ts` starts an older one beside it. */
  root?: string;
  dataDir: string;
  /** Default: a free port. Pass the previous one to restart "the same" server. */
  port?: number;
  env?: Record<string, string>;
}

export interface BeaconProcess {
  url: string;
  port: number;
  pid: number;
  /** Everything the server printed so far (the tail, for long runs). */
  output(): string;
  /** Resolves true when the server next prints something matching `pattern`, false after `timeoutMs`. */
  nextOutput(pattern: RegExp, timeoutMs: number): Promise<boolean>;
  /** Resident memory of the server's process tree, in KiB. */
  rssKb(): number;
  /** CPU time the server's process tree has used so far, in ms. */
  cpuMs(): number;
  /** SIGTERM, and wait until it has exited (SIGKILL if it does not within 15 s). */
  stop(): Promise<void>;
  /** SIGKILL of the whole process group: the server gets no chance to finish anything. */
  kill9(): Promise<void>;
}

export { freePort };

/** What the server needs besides the database: telemetry off, a fixed session secret, production mode. */
export function serverEnv(options: BeaconOptions & { port: number }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    HOSTNAME: "127.0.0.1",
    PORT: String(options.port),
    DATABASE_URL: options.databaseUrl,
    BEACON_DATA_DIR: options.dataDir,
    BEACON_PUBLIC_URL: `http://127.0.0.1:${options.port}`,
    SESSION_SECRET: randomBytes(32).toString("hex"),
    ...options.env,
  };
}

/** `npm start` split into its environment assignments and node's arguments, so tests run what production runs. */
export function npmStartCommand(root = ROOT): { env: Record<string, string>; nodeArgs: string[] } {
  const script: string = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts.start;
  const words = script.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (/^[A-Z_]+=/.test(words[0] ?? "")) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error(`npm start is "${script}"; expected [NAME=value …] node …`);
  return { env, nodeArgs: words };
}

/**
 * From spawning the server to its first answer of `/`, in ms: as after a restart when the previous
 * run's snapshot is on disk and the database is migrated (`npm run bench`, `scripts/bench/compare.ts`).
 */
export async function timeToFirstAnswer(options: BeaconOptions): Promise<number> {
  const started = performance.now();
  const server = await startBeacon(options);
  try {
    const response = await fetch(`${server.url}/`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${options.root ?? "Beacon"}: the first GET / answered ${response.status}`);
    return performance.now() - started;
  } finally {
    await server.stop();
  }
}

export async function startBeacon(options: BeaconOptions): Promise<BeaconProcess> {
  const port = options.port ?? (await freePort());
  const root = options.root ?? ROOT;
  const command = npmStartCommand(root);
  const child = spawn(process.execPath, command.nodeArgs, {
    cwd: root,
    env: { ...command.env, ...serverEnv({ ...options, port }) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const pid = child.pid!;
  let output = "";
  const watchers = new Set<(text: string) => void>();
  const keep = (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    output = (output + text).slice(-KEEP_OUTPUT_CHARS);
    for (const watcher of watchers) watcher(text);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let alive = true;
  void exited.then(() => (alive = false));
  // A test runner that dies (or forgets) must not leave a server holding the port.
  const killOnExit = () => killGroup(pid, "SIGKILL");
  process.once("exit", killOnExit);
  void exited.then(() => process.removeListener("exit", killOnExit));

  const ready = await new Promise<"ready" | "exited" | "timeout">((resolve) => {
    const timer = setTimeout(() => resolve("timeout"), READY_TIMEOUT_MS);
    const watch = () => {
      if (/Beacon ready/.test(output)) clearTimeout(timer), resolve("ready");
    };
    child.stdout.on("data", watch);
    void exited.then(() => (clearTimeout(timer), resolve("exited")));
  });
  if (ready !== "ready") {
    killGroup(pid, "SIGKILL");
    await exited;
    throw new Error(`Beacon ${ready === "exited" ? "exited before it was ready" : `was not ready within ${READY_TIMEOUT_MS / 1000} s`}:\n${output}`);
  }

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid,
    output: () => output,
    nextOutput: (pattern, timeoutMs) =>
      new Promise((resolve) => {
        const done = (found: boolean) => {
          clearTimeout(timer);
          watchers.delete(watcher);
          resolve(found);
        };
        const watcher = (text: string) => pattern.test(text) && done(true);
        const timer = setTimeout(() => done(false), timeoutMs);
        watchers.add(watcher);
      }),
    rssKb: () => treeRssKb(pid),
    cpuMs: () => treeCpuMs(pid),
    async stop() {
      if (!alive) return;
      killGroup(pid, "SIGTERM");
      const timer = setTimeout(() => killGroup(pid, "SIGKILL"), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
    async kill9() {
      if (!alive) return;
      killGroup(pid, "SIGKILL");
      await exited;
    },
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}
