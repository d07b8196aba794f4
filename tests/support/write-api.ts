// Calling the write API's route handlers directly (no server): a Request in, a Response out.
import { beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import { createApiToken } from "@/lib/auth/api-tokens";
import type { Actor, Role } from "@/lib/auth/roles";
import { createWriteApi } from "@/lib/api/write-routes";
import { type PublishingSite, usePublishingSite } from "./publish-fixtures";
import type { Provider } from "./test-databases";

export const BASE_URL = "https://status.example.com";

export function testWriteApi(db: Db, now: () => Date) {
  return createWriteApi({ db: () => db, now, baseUrl: () => BASE_URL });
}

export type Handler = ReturnType<typeof testWriteApi>[keyof ReturnType<typeof testWriteApi>];

export interface CallOptions {
  method?: string;
  path?: string;
  token?: string | null;
  body?: unknown;
  rawBody?: string;
  params?: Record<string, string>;
  headers?: Record<string, string>;
}

export async function call(handler: Handler, options: CallOptions = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers({ "Content-Type": "application/json", ...options.headers });
  if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
  const request = new Request(`${BASE_URL}${options.path ?? "/api/admin/incidents"}`, {
    method: options.method ?? "POST",
    headers,
    body: options.rawBody ?? JSON.stringify(options.body ?? {}),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** A token of each role (viewer tokens cannot be made in the UI, but the API must still refuse them) and a revoked one. */
export async function createTokens(db: Db, admin: Actor, now: Date): Promise<Record<Role | "revoked", string>> {
  const tokens = {} as Record<Role | "revoked", string>;
  for (const role of ["commander", "admin"] as const) tokens[role] = (await createApiToken(db, admin, { name: `${role}-bot`, role }, now)).token;
  const viewer = await createApiToken(db, admin, { name: "viewer-bot", role: "commander" }, now);
  await db.apiToken.update({ where: { id: viewer.summary.id }, data: { role: "viewer" } });
  tokens.viewer = viewer.token;
  const revoked = await createApiToken(db, admin, { name: "old-bot", role: "admin" }, now);
  await db.apiToken.update({ where: { id: revoked.summary.id }, data: { revokedAt: now } });
  tokens.revoked = revoked.token;
  return tokens;
}

export interface WriteApiSite extends PublishingSite {
  api: ReturnType<typeof testWriteApi>;
  tokens: Awaited<ReturnType<typeof createTokens>>;
}

/**
 * A publishing site with the write API's handlers on the clock `now` and a token of each role; like
 * `ids` and `actors`, `api` and `tokens` are filled in place before the tests.
 */
export function useWriteApiSite(provider: Provider, now: () => Date): WriteApiSite {
  const site = Object.assign(usePublishingSite(provider), { api: {} as WriteApiSite["api"], tokens: {} as WriteApiSite["tokens"] });
  beforeAll(async () => {
    Object.assign(site.tokens, await createTokens(site.db, site.actors.admin, now()));
    Object.assign(site.api, testWriteApi(site.db, now));
  });
  return site;
}
