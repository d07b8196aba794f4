// One HTTP attempt of one delivery: a signed JSON POST with a timeout. The host is resolved once,
// every address is checked (address-policy.ts), and the connection goes to the checked address —
// the socket's `lookup` returns it — so a DNS answer that changes between check and connect
// (rebinding) cannot redirect the POST. Redirects are not followed (a 3xx is a failure). Errors are
// logged generically: the log must not tell an admin which internal port answered or refused.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isAllowedAddress, type WebhookAllowList } from "./address-policy";
import { signatureHeader, SIGNATURE_HEADER } from "./signature";

export const DELIVERY_TIMEOUT_MS = 10_000;
export const ADDRESS_NOT_ALLOWED = "address not allowed";
export const CONNECTION_FAILED = "connection failed";

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

interface ResolvedAddress {
  address: string;
  family: number;
}

class AddressNotAllowed extends Error {}

export async function attemptDelivery(request: AttemptRequest, allow: WebhookAllowList, timeoutMs = DELIVERY_TIMEOUT_MS): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const url = new URL(request.url);
    const address = await allowedAddress(url, allow);
    const statusCode = await post(url, address, request, signal);
    const ok = statusCode >= 200 && statusCode < 300;
    return { ok, statusCode, error: ok ? null : `HTTP ${statusCode}`, durationMs: elapsed() };
  } catch (error) {
    const message = error instanceof AddressNotAllowed ? ADDRESS_NOT_ALLOWED : signal.aborted ? `timed out after ${timeoutMs / 1000} s` : CONNECTION_FAILED;
    return { ok: false, statusCode: null, error: message, durationMs: elapsed() };
  }
}

/** The first address of the host that the policy allows; refused when there is none. Numeric forms (0x7f000001, 127.1) are normalized by URL. */
async function allowedAddress(url: URL, allow: WebhookAllowList): Promise<ResolvedAddress> {
  const hostname = url.hostname.replace(/^\[|\]$/g, "");
  const family = isIP(hostname);
  const candidates = family !== 0 ? [{ address: hostname, family }] : await lookup(hostname, { all: true, verbatim: true });
  const allowed = candidates.find((candidate) => isAllowedAddress(hostname, candidate.address, allow));
  if (!allowed) throw new AddressNotAllowed();
  return allowed;
}

/** Answers every lookup of the connection with the address already checked: no second DNS query. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
}

function post(url: URL, address: ResolvedAddress, request: AttemptRequest, signal: AbortSignal): Promise<number> {
  const client = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const outgoing = client.request(
      url,
      {
        method: "POST",
        agent: false,
        lookup: pinnedLookup(address),
        signal,
        headers: {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(request.payload),
          "User-Agent": "Beacon-Webhooks/1",
          "X-Beacon-Event": request.event,
          "X-Beacon-Delivery": String(request.deliveryId),
          [SIGNATURE_HEADER]: signatureHeader(request.secret, request.payload, request.now),
        },
      },
      (response) => {
        resolve(response.statusCode ?? 0);
        response.destroy();
      },
    );
    outgoing.on("error", reject);
    outgoing.end(request.payload);
  });
}
