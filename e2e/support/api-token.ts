// The commander API token scripts/e2e-server.mjs created, read from the e2e data directory.
import { readFileSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type APIResponse, expect } from "@playwright/test";

export function e2eApiToken(): string {
  const databaseFile = process.env.E2E_DATABASE_URL!.replace(/^file:/, "");
  return readFileSync(path.join(path.dirname(databaseFile), "api-token.txt"), "utf8").trim();
}

/** Opens an incident of type issue through the write API with that token, turning one component `state`; answered 201. */
export async function openIssueByApi(
  request: APIRequestContext,
  { title, body, component, state }: { title: string; body: string; component: string; state: "yellow" | "red" },
): Promise<APIResponse> {
  const response = await request.post("/api/admin/incidents", {
    headers: { Authorization: `Bearer ${e2eApiToken()}` },
    data: { title, type: "issue", body, componentIds: [component], stateChanges: [{ componentId: component, state }] },
  });
  expect(response.status()).toBe(201);
  return response;
}
