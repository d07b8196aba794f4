// One HTTP attempt of one delivery: a signed JSON POST with a timeout. Redirects are not followed
// (a 3xx is a failure), so a webhook cannot be bounced to another address.
import { signatureHeader, SIGNATURE_HEADER } from "./signature";

export const DELIVERY_TIMEOUT_MS = 10_000;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface AttemptRequest {
  deliveryId: number;
  event: string;
  url: string;
  secret: string;
  payload: string;
  now: Date;
}

export async function attemptDelivery(request: AttemptRequest, fetchImpl: typeof fetch = fetch, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetchImpl(request.url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        "Content-Type": "application/json",
        "User-Agent": "Beacon-Webhooks/1",
        "X-Beacon-Event": request.event,
        "X-Beacon-Delivery": String(request.deliveryId),
        [SIGNATURE_HEADER]: signatureHeader(request.secret, request.payload, request.now),
      },
      body: request.payload,
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs), durationMs: elapsed() };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const value = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (value?.name === "TimeoutError" || value?.name === "AbortError") return `timed out after ${timeoutMs / 1000} s`;
  const cause = value?.cause?.code ?? value?.cause?.message;
  return (cause ? `${value?.message ?? "request failed"}: ${cause}` : (value?.message ?? String(error))).slice(0, 300);
}
