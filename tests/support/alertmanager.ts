// A real Prometheus Alertmanager (Debian's prometheus-alertmanager, installed by `npm test`) on a
// free 127.0.0.1 port, without clustering, whose one receiver is a webhook to Beacon with a bearer
// token and send_resolved — the receiver the README tells operators to configure.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../scripts/support/free-port";

export const ALERTMANAGER_BINARY = process.env.ALERTMANAGER_PATH ?? "/usr/bin/prometheus-alertmanager";

export interface PushedAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  /** In the past: the alert is resolved. */
  endsAt?: string;
  generatorURL?: string;
}

export interface Alertmanager {
  base: string;
  /** POST /api/v2/alerts, as Prometheus does. */
  push(alerts: PushedAlert[]): Promise<void>;
  close(): Promise<void>;
}

export async function startAlertmanager(options: { webhookUrl: string; token: string }): Promise<Alertmanager> {
  const dir = mkdtempSync(path.join(tmpdir(), "beacon-alertmanager-"));
  const config = path.join(dir, "alertmanager.yml");
  // JSON is YAML: no YAML library needed to write the config.
  writeFileSync(
    config,
    JSON.stringify({
      route: { receiver: "beacon", group_by: ["alertname"], group_wait: "1s", group_interval: "1s", repeat_interval: "1h" },
      receivers: [
        {
          name: "beacon",
          webhook_configs: [{ url: options.webhookUrl, send_resolved: true, http_config: { authorization: { credentials: options.token } } }],
        },
      ],
    }),
  );
  const port = await freePort();
  const child: ChildProcess = spawn(
    ALERTMANAGER_BINARY,
    [`--config.file=${config}`, `--storage.path=${path.join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`, "--cluster.listen-address="],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let log = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4_000);
  });
  const base = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${base}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (tries > 100 || child.exitCode !== null) {
      await close();
      throw new Error(`Alertmanager did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    base,
    async push(alerts) {
      const response = await fetch(`${base}/api/v2/alerts`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(alerts) });
      if (!response.ok) throw new Error(`Alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    },
    close,
  };
}
