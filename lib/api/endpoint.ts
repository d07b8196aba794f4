// The one shape of every write endpoint: authenticate the Bearer token and check its role, validate
// the path and the JSON body with zod, then run one use-case — once per Idempotency-Key. Failures
// the client can fix are JSON `{"error":{code,message,fields}}` with a 4xx; never a 500 for bad input;
// an unreachable database is a 503 with Retry-After.
import type * as z from "zod";
import type { Db } from "@/lib/db/client";
import { requireTokenRole, type TokenActor } from "@/lib/auth/api-tokens";
import { AccessDenied, type Role } from "@/lib/auth/roles";
import { isDatabaseUnreachable } from "@/lib/db/database-errors";
import { InputError } from "@/lib/errors/input-error";
import { idempotencyKeyHeader } from "@/lib/validation/api";
import { ApiFailure, apiError, apiText, errorBody, invalidInput, parseJson, readBodyText } from "./http";
import { idempotent, apiIdempotencyKey, type StoredResponse } from "./idempotency";

export interface ApiDeps {
  db: () => Db;
  now: () => Date;
  /** BEACON_PUBLIC_URL, for the URLs in responses. */
  baseUrl: () => string;
}

export interface WriteContext<Body, Params> {
  db: Db;
  actor: TokenActor;
  body: Body;
  params: Params;
  now: Date;
  baseUrl: string;
  /** For the use-case: set when the request carried an Idempotency-Key. */
  idempotencyKey: string | undefined;
}

export interface WriteResult {
  status: number;
  body: unknown;
}

export interface WriteDefinition<Body, Params> {
  role: Role;
  params?: z.ZodType<Params, Record<string, string>>;
  /** The JSON body; for a GET (which has none), the query parameters. */
  body: z.ZodType<Body>;
}

type RouteContext = { params?: Promise<Record<string, string>> };

export function writeEndpoint<Body, Params = Record<string, never>>(
  deps: ApiDeps,
  definition: WriteDefinition<Body, Params>,
  run: (context: WriteContext<Body, Params>) => Promise<WriteResult>,
): (request: Request, context?: RouteContext) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      const db = deps.db();
      const now = deps.now();
      const actor = await authenticated(db, request, definition.role, now);
      const params = definition.params ? definition.params.safeParse((await routeContext?.params) ?? {}) : { success: true as const, data: {} as Params };
      if (!params.success) throw new ApiFailure(404, "not_found", "There is no such resource.");
      const query = request.method === "GET" ? Object.fromEntries(new URL(request.url).searchParams) : null;
      const text = query ? "" : await readBodyText(request);
      const body = definition.body.safeParse(query ?? parseJson(text));
      if (!body.success) throw invalidInput(body.error);

      const header = request.headers.get("idempotency-key");
      const key = header === null ? null : idempotencyKeyHeader.safeParse(header);
      if (key && !key.success) throw new ApiFailure(400, "invalid_idempotency_key", key.error.issues[0]!.message);
      const context = {
        db,
        actor,
        body: body.data,
        params: params.data,
        now,
        baseUrl: deps.baseUrl(),
        idempotencyKey: key ? apiIdempotencyKey(key.data) : undefined,
      };
      const work = () => answered(() => run(context));
      if (!key) return toResponse(await work(), false);
      const path = new URL(request.url).pathname;
      const stored = await idempotent(db, { tokenId: actor.tokenId, key: key.data, method: request.method, path, body: text }, now, work);
      return toResponse(stored, stored.replayed);
    } catch (error) {
      if (error instanceof ApiFailure) return apiError(error);
      if (isDatabaseUnreachable(error)) return apiError(DATABASE_UNAVAILABLE);
      console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return apiError(new ApiFailure(500, "internal_error", "Something went wrong on our side; nothing was published. Retry with the same Idempotency-Key."));
    }
  };
}

/** Nothing was written (one transaction per write), so retrying later with the same Idempotency-Key is safe. */
const DATABASE_UNAVAILABLE = new ApiFailure(
  503,
  "database_unavailable",
  "Publishing is unavailable: Beacon cannot reach its database. Nothing was published; retry later with the same Idempotency-Key.",
  undefined,
  { "Retry-After": "30" },
);

async function authenticated(db: Db, request: Request, role: Role, now: Date): Promise<TokenActor> {
  try {
    return await requireTokenRole(db, request.headers, role, now);
  } catch (error) {
    if (!(error instanceof AccessDenied)) throw error;
    if (error.status === 403) throw new ApiFailure(403, "forbidden", `This token's role does not allow this; it needs ${role} rights.`);
    throw new ApiFailure(401, "unauthorized", "Send a valid API token: Authorization: Bearer bcn_…", undefined, {
      "WWW-Authenticate": 'Bearer realm="beacon"',
    });
  }
}

/** The use-case's answer, or the client-fixable failure it raised, as a response to keep. */
async function answered(run: () => Promise<WriteResult>): Promise<StoredResponse> {
  try {
    const result = await run();
    return { status: result.status, body: JSON.stringify(result.body) };
  } catch (error) {
    const failure =
      error instanceof ApiFailure
        ? error
        : error instanceof InputError
          ? new ApiFailure(422, "invalid_input", error.message, { [error.field]: error.message })
          : null;
    if (!failure) throw error;
    return { status: failure.status, body: JSON.stringify(errorBody(failure)) };
  }
}

function toResponse(stored: StoredResponse, replayed: boolean): Response {
  return apiText(stored.status, stored.body, replayed ? { "Idempotent-Replayed": "true" } : {});
}
