// Beacon's public layers in `npm start`'s order — the private-site gate with /access, the
// subscription forms, the endpoint table — on a free port of 127.0.0.1. Each request's client
// address is its `x-test-peer` header (the socket's otherwise), so one test can speak as several
// readers. What none answers is a plain 404.
import { createServer } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { handleAccessRequest } from "@/lib/public/access-forms";
import { handlePublicRequest } from "@/lib/public/server";
import { handleSubscriptionRequest } from "@/lib/public/subscription-forms";

export interface SiteServer {
  base: string;
  close(): Promise<void>;
}

export async function startSiteServer(): Promise<SiteServer> {
  const server = createServer((request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = String(request.headers["x-test-peer"] ?? request.socket.remoteAddress ?? "");
    void Promise.resolve(handleAccessRequest(request, response) || handleSubscriptionRequest(request, response) || handlePublicRequest(request, response)).then(
      (handled) => {
        if (!handled) response.writeHead(404).end();
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
