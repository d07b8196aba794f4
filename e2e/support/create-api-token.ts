// Run by scripts/e2e-server.mjs: a commander API token for the write-API e2e tests, written to the
// e2e data directory (the secret exists nowhere else).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createApiToken } from "../../lib/auth/api-tokens";
import { createDb } from "../../lib/db/client";
import { loadEnv } from "../../lib/runtime/env";

const env = loadEnv();
const db = createDb(env.database);
const { token } = await createApiToken(db, { userId: null, label: "cli", role: "admin", ip: "" }, { name: "e2e-alerting", role: "commander" }, new Date());
writeFileSync(path.join(env.dataDir, "api-token.txt"), token, { mode: 0o600 });
await db.$disconnect();
