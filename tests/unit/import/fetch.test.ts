// Reading a source over HTTP from a local node:http server (tests never reach the internet): every
// page of a paging source, a stop when the source ignores ?page=, and refusals for an answer too
// large, too slow, or not from an http(s) address.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { fetchHeroku, fetchStatuspage, sourceUrl } from "@/lib/import/fetch";

const servers: Server[] = [];

async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const incident = (id: string) => ({ id, name: `Incident ${id}`, incident_updates: [] });
const json = (response: ServerResponse, body: unknown) => response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(body));

describe("fetching a source", () => {
  it("reads every page of a source that pages, and stops when a page brings nothing new", async () => {
    const asked: string[] = [];
    const base = await serve((request, response) => {
      asked.push(request.url!);
      const url = new URL(request.url!, "http://x");
      const page = Number(url.searchParams.get("page") ?? 1);
      if (url.pathname === "/api/v2/components.json") return json(response, { components: [] });
      if (url.pathname === "/api/v2/incidents.json") return json(response, { incidents: page <= 2 ? [incident(`a${page}`), incident(`b${page}`)] : [] });
      // Ignores ?page=, as Statuspage's public API does.
      return json(response, { scheduled_maintenances: [{ ...incident("m"), scheduled_for: null }] });
    });
    const answers = await fetchStatuspage(base);
    expect(answers.incidents!.map((row) => row.id)).toEqual(["a1", "b1", "a2", "b2"]);
    expect(answers.scheduled_maintenances!.map((row) => row.id)).toEqual(["m"]);
    expect(asked).toEqual([
      "/api/v2/components.json",
      "/api/v2/incidents.json",
      "/api/v2/incidents.json?page=2",
      "/api/v2/incidents.json?page=3",
      "/api/v2/scheduled-maintenances.json",
      "/api/v2/scheduled-maintenances.json?page=2",
    ]);
  });

  it("refuses an answer larger than the cap", async () => {
    const base = await serve((_request, response) => json(response, { components: [], padding: "x".repeat(5_000) }));
    await expect(fetchStatuspage(base, { timeoutMs: 5_000, maxBytes: 1_000 })).rejects.toThrow(
      `${base}/api/v2/components.json: the answer is larger than 1000 bytes`,
    );
  });

  it("gives up on a source that does not answer in time", async () => {
    const base = await serve(() => {});
    await expect(fetchHeroku(base, { timeoutMs: 200, maxBytes: 1_000 })).rejects.toThrow(
      `cannot read ${base}/api/v4/incidents?limit=200: no answer within 0.2 s`,
    );
  });

  it("imports Heroku without v3 when the source has none (404), and refuses an answer that is not JSON", async () => {
    const base = await serve((request, response) => {
      if (request.url!.startsWith("/api/v4/")) return json(response, []);
      response.writeHead(404).end();
    });
    expect(await fetchHeroku(base)).toEqual({ v4: [], v3: null });
    const html = await serve((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end("<html>"));
    await expect(fetchHeroku(html)).rejects.toThrow(`${html}/api/v4/incidents?limit=200 did not answer JSON`);
  });

  it("takes only http(s) addresses, and the page's base without a trailing slash", () => {
    expect(sourceUrl("https://status.example.com/")).toBe("https://status.example.com");
    expect(() => sourceUrl("ftp://status.example.com")).toThrow("only http and https sources can be imported");
    expect(() => sourceUrl("status.example.com")).toThrow("is not a URL");
  });
});
