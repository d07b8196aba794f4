// The public HTTP layer (lib/public/server.ts) on a free port of 127.0.0.1, as `npm start` runs it
// in front of Next.js: what it does not answer is a plain 404 here.
import { createServer, type Server } from "node:http";
import type { Db } from "@/lib/db/client";
import { handlePublicRequest } from "@/lib/public/server";
import { openAppDatabase } from "./app-database";
import type { providers } from "./test-databases";

export interface PublicServer {
  base: string;
  get(pathname: string, headers?: Record<string, string>): Promise<Response>;
  /** GETs `pathname` and reads the whole answer. */
  read(pathname: string, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; text: string }>;
  close(): Promise<void>;
}

export async function startPublicServer(): Promise<PublicServer> {
  const server: Server = createServer((request, response) => {
    void Promise.resolve(handlePublicRequest(request, response)).then((handled) => {
      if (!handled) response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`${base}${pathname}`, { headers });
  return {
    base,
    get,
    async read(pathname, headers) {
      const response = await get(pathname, headers);
      return { status: response.status, headers: response.headers, text: await response.text() };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export type DemoSite = PublicServer & { db: Db };

/** The demo data on a throwaway database, served by the public layer; close() stops both. */
export async function startDemoSite(provider: (typeof providers)[number]): Promise<DemoSite> {
  const database = await openAppDatabase(provider, { demo: true });
  const server = await startPublicServer();
  return {
    ...server,
    db: database.db,
    async close() {
      await server.close();
      await database.close();
    },
  };
}
