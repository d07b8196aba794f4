// Beacon's own HTTP layers on a free port of 127.0.0.1, in the order `npm start` runs them: the
// public endpoint table, then the write API and the inbound alert endpoints (lib/api/server.ts).
// What neither answers (admin pages, Next.js) is a plain 404 here.
import { createServer, type Server } from "node:http";
import { handleWriteApiRequest } from "@/lib/api/server";
import { PEER_ADDRESS_HEADER } from "@/lib/auth/client-ip";
import { handlePublicRequest } from "@/lib/public/server";

export interface BeaconServer {
  base: string;
  close(): Promise<void>;
}

export async function startBeaconServer(): Promise<BeaconServer> {
  const server: Server = createServer((request, response) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
    void Promise.resolve(handlePublicRequest(request, response))
      .then((handled) => handled || handleWriteApiRequest(request, response))
      .then((handled) => {
        if (!handled) response.writeHead(404).end();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
