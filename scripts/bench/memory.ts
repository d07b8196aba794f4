// `npx tsx scripts/bench/memory.ts`: where the production server's memory goes. Each line starts a
// fresh Node process (with `npm start`'s flags) that loads one more layer than the line before and
// prints its resident memory after a full garbage collection; the differences are each layer's cost.
// Needs `npm run build` (Next.js is prepared from .next).
import { execFileSync } from "node:child_process";
import { npmStartCommand } from "../support/beacon-process";
import { markdownTable, mb } from "./stats";

/** `npm start`'s environment and Node.js flags (not its script), so each layer is measured as production runs. */
const START = npmStartCommand();
const FLAGS = [...START.nodeArgs.filter((arg) => arg.startsWith("--")), "--expose-gc"];

interface Layer {
  label: string;
  /** ES module code run after the previous layers; it may await. */
  code: string;
}

const report = `globalThis.gc(); globalThis.gc(); const m = process.memoryUsage(); console.log(JSON.stringify({ rss: m.rss, heap: m.heapUsed, external: m.external + m.arrayBuffers }));`;

export const LAYERS: Layer[] = [
  { label: "Node.js alone", code: "" },
  { label: "+ React and react-dom/server (the public pages' renderer)", code: `await import("react"); await import("react-dom/server");` },
  {
    label: "+ Prisma's runtime and the SQLite driver (its adapter and better-sqlite3; pg is loaded only on PostgreSQL)",
    code: `await import("@prisma/client/runtime/client"); await import("@prisma/adapter-better-sqlite3"); await import("better-sqlite3");`,
  },
  {
    label: "+ Next.js prepared for the admin side (loaded on the first admin request)",
    code: `const { default: next } = await import("next"); const app = next({ dev: false }); await app.prepare(); app.getRequestHandler();`,
  },
];

function measure(code: string): { rss: number; heap: number; external: number } {
  const env = { ...process.env, ...START.env, NODE_ENV: "production" as const, NEXT_TELEMETRY_DISABLED: "1" };
  const out = execFileSync(process.execPath, [...FLAGS, "--input-type=module", "-e", `${code}\n${report}`], { encoding: "utf8", env });
  return JSON.parse(out.trim().split("\n").at(-1)!);
}

/** One row per layer: resident memory after loading it and everything above it. */
export function memoryTable(): string {
  const rows: string[][] = [];
  let code = "";
  let previous = 0;
  for (const layer of LAYERS) {
    code += `${layer.code}\n`;
    const figures = measure(code);
    const kb = (bytes: number) => mb(bytes / 1024);
    rows.push([layer.label, kb(figures.rss), kb(figures.rss - previous), kb(figures.heap), kb(figures.external)]);
    previous = figures.rss;
  }
  return markdownTable(["layer", "RSS", "added", "JS heap used", "external + buffers"], rows, ["l", "r", "r", "r", "r"]);
}

if (process.argv[1]?.endsWith("memory.ts")) console.log(memoryTable());
