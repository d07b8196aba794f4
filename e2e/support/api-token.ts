// The commander API token scripts/e2e-server.mjs created, read from the e2e data directory.
import { readFileSync } from "node:fs";
import path from "node:path";

export function e2eApiToken(): string {
  const databaseFile = process.env.E2E_DATABASE_URL!.replace(/^file:/, "");
  return readFileSync(path.join(path.dirname(databaseFile), "api-token.txt"), "utf8").trim();
}
