// The inbound endpoints monitoring tools POST alerts to (/api/integrations/<kind>): the integration's
// token (Authorization: Bearer, or ?token= for tools that cannot set headers) → the body, bounded
// by MAX_INBOUND_BODY_BYTES → the kind's real payload shape → lib/alerts/ingest.ts. Every answer is
// JSON; a refused body is stored as "rejected" with its reason, so the admin sees what went wrong.
import type { Db } from "@/lib/db/client";
import { clientIpOf } from "@/lib/auth/client-ip";
import { isDatabaseUnreachable } from "@/lib/db/database-errors";
import { receiveAlerts } from "@/lib/alerts/ingest";
import { integrationByToken, type IntegrationSummary } from "@/lib/alerts/integrations";
import { parsePayload } from "@/lib/alerts/payloads";
import { storePayload } from "@/lib/alerts/received";
import type { IntegrationKind } from "@/lib/validation/integrations";
import type { ApiDeps } from "./endpoint";
import { ApiFailure, apiError, apiText, readBodyText } from "./http";

/** Alertmanager sends up to thousands of alerts per group: room for them, refused with 413 beyond. */
export const MAX_INBOUND_BODY_BYTES = 4 * 1024 * 1024;

export function inboundEndpoints(deps: ApiDeps) {
  return {
    /** POST /api/integrations/alertmanager */
    alertmanagerAlerts: inboundEndpoint(deps, "alertmanager"),
    /** POST /api/integrations/grafana */
    grafanaAlerts: inboundEndpoint(deps, "grafana"),
    /** POST /api/integrations/uptime-kuma */
    uptimeKumaAlerts: inboundEndpoint(deps, "uptime_kuma"),
    /** POST /api/integrations/generic */
    genericAlerts: inboundEndpoint(deps, "generic"),
  };
}

function inboundEndpoint(deps: ApiDeps, kind: IntegrationKind): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const db = deps.db();
      const now = deps.now();
      const integration = await integrationByToken(db, tokenOf(request), kind, now);
      if (!integration) throw UNAUTHORIZED;
      const text = await rejectedIfThrows(db, integration, "", now, () => readBodyText(request, MAX_INBOUND_BODY_BYTES));
      const parsed = parsePayload(kind, parseBody(text), now);
      if (!parsed.ok)
        return await rejected(db, integration, text, now, new ApiFailure(422, "unknown_payload", `This is not a ${KIND_NAME[kind]} payload: ${parsed.reason}`));
      const result = await receiveAlerts(db, integration, { ...parsed, body: text, ip: clientIpOf(request.headers) }, now);
      return apiText(
        200,
        JSON.stringify({
          outcome: result.outcome,
          reason: result.reason,
          payload: { id: result.payloadId },
          alerts: parsed.alertCount,
          truncated: parsed.truncated,
        }),
      );
    } catch (error) {
      if (error instanceof ApiFailure) return apiError(error);
      if (isDatabaseUnreachable(error))
        return apiError(
          new ApiFailure(503, "database_unavailable", "Beacon cannot reach its database; send the alerts again later.", undefined, { "Retry-After": "30" }),
        );
      console.error(`POST /api/integrations (${kind}) failed:`, error);
      return apiError(new ApiFailure(500, "internal_error", "Something went wrong on our side; send the alerts again later."));
    }
  };
}

const KIND_NAME: Record<IntegrationKind, string> = {
  alertmanager: "Alertmanager (webhook version 4)",
  grafana: "Grafana webhook",
  uptime_kuma: "Uptime Kuma webhook",
  generic: "Beacon generic alerts",
};

const UNAUTHORIZED = new ApiFailure(
  401,
  "unauthorized",
  "Send this integration's token: Authorization: Bearer bci_… (or ?token=bci_… where headers cannot be set).",
  undefined,
  {
    "WWW-Authenticate": 'Bearer realm="beacon-integrations"',
  },
);

function tokenOf(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  return bearer ?? new URL(request.url).searchParams.get("token");
}

function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A failure the sender can fix is stored as a rejected payload before it is answered. */
async function rejectedIfThrows<T>(db: Db, integration: IntegrationSummary, body: string, now: Date, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return rejected(db, integration, body, now, error);
  }
}

async function rejected(db: Db, integration: IntegrationSummary, body: string, now: Date, failure: ApiFailure): Promise<never> {
  await storePayload(db, integration.id, { body, outcome: "rejected", reason: failure.message }, now);
  throw failure;
}
