// `Idempotency-Key` for the write API, per token: the first request's response is kept, a retry
// with the same body gets it again (`Idempotent-Replayed: true`), a reuse with another body is a
// 409. The key is reserved before the work runs, so two concurrent requests with one key cannot
// both write; a reservation left by a crashed request expires after a minute. Publishes also carry
// the key to the use-case, so even a takeover after a crash lands the post once.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/incidents/errors";
import { DAY_MS } from "@/lib/timeline/dates";
import { ApiFailure } from "./http";

export const KEEP_RESPONSES_MS = DAY_MS;
const RESERVATION_EXPIRES_MS = 60_000;

export interface IdempotentRequest {
  tokenId: number;
  key: string;
  method: string;
  path: string;
  body: string;
}

export interface StoredResponse {
  status: number;
  body: string;
}

export function requestHash(request: Pick<IdempotentRequest, "method" | "path" | "body">): string {
  return createHash("sha256").update(`${request.method} ${request.path}\n${request.body}`).digest("hex");
}

/** The use-case's idempotency key for an API request: any 1–200 character header fits the use-case's 8–100 (which scopes it by token and write). */
export function apiIdempotencyKey(key: string): string {
  return `api:${createHash("sha256").update(key).digest("hex").slice(0, 40)}`;
}

/** Runs `work` once per (token, key); returns its response, or the stored one with `replayed`. */
export async function idempotent(
  db: Db,
  request: IdempotentRequest,
  now: Date,
  work: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const hash = requestHash(request);
  const where = { tokenId_key: { tokenId: request.tokenId, key: request.key } };
  for (let tries = 0; tries < 3; tries++) {
    const existing = await db.apiIdempotency.findUnique({ where });
    if (existing) {
      if (existing.requestHash !== hash) {
        throw new ApiFailure(409, "idempotency_key_reused", "This Idempotency-Key was used with a different request; use a new key for a new request.");
      }
      if (existing.responseStatus !== null) return { status: existing.responseStatus, body: existing.responseBody ?? "", replayed: true };
      if (now.getTime() - existing.createdAt.getTime() < RESERVATION_EXPIRES_MS) {
        throw new ApiFailure(409, "request_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.", undefined, {
          "Retry-After": "1",
        });
      }
      // A crashed request's reservation: take it over (compare-and-set on its time).
      const { count } = await db.apiIdempotency.updateMany({
        where: { id: existing.id, createdAt: existing.createdAt, responseStatus: null },
        data: { createdAt: now },
      });
      if (count === 1) return { ...(await finish(db, existing.id, work)), replayed: false };
      continue;
    }
    try {
      await db.apiIdempotency.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_RESPONSES_MS) } } });
      const row = await db.apiIdempotency.create({ data: { tokenId: request.tokenId, key: request.key, requestHash: hash, createdAt: now } });
      return { ...(await finish(db, row.id, work)), replayed: false };
    } catch (error) {
      if (!isUniqueViolation(error, "key")) throw error;
    }
  }
  throw new ApiFailure(409, "request_in_progress", "A request with this Idempotency-Key is still being processed; retry shortly.", undefined, {
    "Retry-After": "1",
  });
}

/** Keeps a final answer (2xx/4xx); after a server error the key is free to retry. */
async function finish(db: Db, id: number, work: () => Promise<StoredResponse>): Promise<StoredResponse> {
  let response: StoredResponse;
  try {
    response = await work();
  } catch (error) {
    await db.apiIdempotency.deleteMany({ where: { id } });
    throw error;
  }
  if (response.status >= 500) await db.apiIdempotency.deleteMany({ where: { id } });
  else await db.apiIdempotency.update({ where: { id }, data: { responseStatus: response.status, responseBody: response.body } });
  return response;
}
