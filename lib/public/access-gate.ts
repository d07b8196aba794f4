// The gate of a private site in front of every public answer (lib/access/gate.ts decides): pages
// without access are sent to /access with their address to return to, machine URLs get a 401, and
// what is let through is sent as its private variant (lib/public/prepared.ts: `private, no-store`,
// noindex). The snapshot's answers pass the same gate, since they are answers of the same table.
import type { IncomingMessage, ServerResponse } from "node:http";
import { currentAccessConfig } from "@/lib/access/config";
import { decideAccess, type GateDecision, type RequestKind } from "@/lib/access/gate";
import { cookieValue, READER_COOKIE } from "@/lib/access/tokens";
import { clientIpOf } from "@/lib/auth/client-ip";
import { accessPath, OPEN_WHILE_PRIVATE } from "@/lib/public/access-pages";
import { PRIVATE_HEADERS } from "@/lib/public/prepared";
import { sessionSecret } from "@/lib/runtime/secrets";

const OPEN: GateDecision = { open: true, private: false };

export const headersOf = (request: IncomingMessage) => ({
  get: (name: string) => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(", ") : (value ?? null);
  },
});

function machineToken(request: IncomingMessage, search: string): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return bearer?.[1] ?? new URLSearchParams(search).get("token");
}

/** Whether this request may have the answer of `path`; synchronous while the settings' copy is fresh. */
export function readerGate(request: IncomingMessage, path: string, kind: RequestKind, search: string): GateDecision | Promise<GateDecision> {
  const decide = (config: Awaited<ReturnType<typeof currentAccessConfig>>): GateDecision =>
    !config.private
      ? OPEN
      : OPEN_WHILE_PRIVATE.has(path)
        ? { open: true, private: true }
        : decideAccess(
            config,
            kind,
            {
              ip: clientIpOf(headersOf(request)),
              cookie: cookieValue(request.headers.cookie, READER_COOKIE),
              token: kind === "payload" ? machineToken(request, search) : null,
            },
            sessionSecret(),
            new Date(),
          );
  const config = currentAccessConfig();
  return config instanceof Promise ? config.then(decide) : decide(config);
}

/** A refused request: 303 to /access for pages, 401 (JSON for JSON addresses, else plain text) for machines. */
export function sendRefusal(response: ServerResponse, refuse: "sign-in" | "unauthorized", target: string): void {
  if (refuse === "sign-in") {
    response.writeHead(303, { ...PRIVATE_HEADERS, Location: accessPath(target), "Content-Length": "0" }).end();
    return;
  }
  const json = /\.json(\?|$)|^\/api\//.test(target);
  const message = "This status page is private: sign in at /access, or send your feed token as ?token= or Authorization: Bearer.";
  const body = json ? JSON.stringify({ error: { code: "unauthorized", message } }) : `${message}\n`;
  response
    .writeHead(401, {
      ...PRIVATE_HEADERS,
      "Content-Type": json ? "application/json; charset=utf-8" : "text/plain; charset=utf-8",
      "WWW-Authenticate": 'Bearer realm="status page"',
      "Content-Length": String(Buffer.byteLength(body)),
    })
    .end(body);
}
