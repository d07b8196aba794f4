// `npx tsx scripts/bench/alert-payload.ts [--db=sqlite|postgresql|both] [--alerts=1000] [--runs=5]`:
// what one large Alertmanager notification costs Beacon (issue 16). On a throwaway database with
// the demo data, an Alertmanager integration and a rule routing `service=api` to a draft, it POSTs
// version-4 payloads of `--alerts` firing alerts to the production server's
// /api/integrations/alertmanager and times the answer; Beacon processes a payload before it answers
// (up to its cap; the rest is counted as truncated), so the answer time is the processing time. Each run is a
// new group (a new draft, or the storm rule), then the same payload again (a resend), then all resolved.
import { createIntegration, createRule } from "@/lib/alerts/integrations";
import type { Actor } from "@/lib/auth/roles";
import { createRuleSchema } from "@/lib/validation/integrations";
import { startBeacon } from "../support/beacon-process";
import { openDatabase } from "../support/seed";
import { benchArgs, onEachSeededDatabase } from "./run";
import { markdownTable, ms, percentile } from "./stats";

const { alerts: alertCount, runs, providers } = benchArgs({ alerts: 1000, runs: 5 });

const OPERATOR: Actor = { userId: null, label: "cli", role: "admin", ip: "" };

/** An Alertmanager webhook body (version 4) as 0.25 sends it, with `alertCount` alerts of one group. */
function alertmanagerPayload(group: number, status: "firing" | "resolved") {
  const startsAt = new Date(Date.now() - 60_000).toISOString();
  const alerts = Array.from({ length: alertCount }, (_, index) => ({
    status,
    labels: { alertname: "HighErrorRate", instance: `api-${index}:9100`, service: "api", severity: "critical" },
    annotations: { summary: "5xx above 5% on the API", description: `Instance ${index} answers 12% of requests with 5xx.` },
    startsAt,
    endsAt: status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z",
    generatorURL: "http://prometheus.example.com/graph?g0.expr=rate%28http_5xx%5B5m%5D%29",
    fingerprint: `${group.toString(16).padStart(4, "0")}${index.toString(16).padStart(12, "0")}`,
  }));
  return {
    receiver: "beacon",
    status,
    alerts,
    groupLabels: { alertname: "HighErrorRate" },
    commonLabels: { alertname: "HighErrorRate", service: "api", severity: "critical" },
    commonAnnotations: { summary: "5xx above 5% on the API" },
    externalURL: "http://alertmanager.example.com:9093",
    version: "4",
    groupKey: `{}:{alertname="HighErrorRate",bench="${group}"}`,
    truncatedAlerts: 0,
  };
}

async function post(url: string, token: string, body: string): Promise<{ ms: number; answer: string }> {
  const started = performance.now();
  const response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` }, body });
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`the payload was answered ${response.status}: ${text}`);
  const answer = JSON.parse(text) as { outcome: string; alerts: number; truncated: number };
  return { ms: elapsed, answer: `${answer.outcome} (${answer.alerts} alerts, ${answer.truncated} truncated)` };
}

const rows: string[][] = [];
await onEachSeededDatabase(providers, async (name, database) => {
  const db = openDatabase(database.databaseUrl);
  let token: string;
  try {
    const api = await db.component.findFirstOrThrow({ where: { parentId: { not: null } }, select: { id: true } });
    token = (await createIntegration(db, OPERATOR, { name: "bench-alertmanager", kind: "alertmanager" }, new Date())).token;
    await createRule(
      db,
      OPERATOR,
      createRuleSchema.parse({ name: "API", matchers: [{ label: "service", op: "equals", value: "api" }], componentIds: [api.id] }),
    );
  } finally {
    await db.$disconnect();
  }
  const server = await startBeacon(database);
  try {
    const url = `${server.url}/api/integrations/alertmanager`;
    const timings = { new: [] as number[], resend: [] as number[], resolved: [] as number[] };
    const outcomes = { new: new Set<string>(), resend: new Set<string>(), resolved: new Set<string>() };
    const bytes = JSON.stringify(alertmanagerPayload(0, "firing")).length;
    // One untimed run first: connections, prepared statements, the server's caches.
    for (let group = 0; group <= runs; group++) {
      const firing = JSON.stringify(alertmanagerPayload(group, "firing"));
      const steps = [
        ["new", firing],
        ["resend", firing],
        ["resolved", JSON.stringify(alertmanagerPayload(group, "resolved"))],
      ] as const;
      for (const [step, body] of steps) {
        const { ms: elapsed, answer } = await post(url, token, body);
        if (group === 0) continue;
        timings[step].push(elapsed);
        outcomes[step].add(answer);
      }
    }
    for (const step of ["new", "resend", "resolved"] as const) {
      const samples = timings[step];
      rows.push([
        name,
        `${step} (${Math.round(bytes / 1024)} KB)`,
        String(samples.length),
        ms(percentile(samples, 50)),
        ms(Math.max(...samples)),
        [...outcomes[step]].join("; "),
      ]);
      console.log(rows.at(-1)!.join(" · "));
    }
  } finally {
    await server.stop();
  }
});
console.log(`\nOne Alertmanager payload of ${alertCount} alerts, answered after processing:\n`);
console.log(markdownTable(["database", "payload", "runs", "p50", "max", "answer"], rows, ["l", "l", "r", "r", "r", "l"]));
