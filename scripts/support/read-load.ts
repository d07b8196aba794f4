// A crowd of readers for fault tests: N keep-alive connections, each requesting the given paths
// round-robin as fast as answers come, every other request conditional (If-None-Match with the
// ETag last seen), until the signal aborts. Loopback only; counts statuses and errors.
import http from "node:http";

export interface ReadLoadOptions {
  baseUrl: string;
  paths: string[];
  connections: number;
  signal: AbortSignal;
}

export interface ReadLoadStats {
  requests: number;
  byStatus: Map<number, number>;
  /** Socket errors and the like, with the first few messages. */
  errors: number;
  firstErrors: string[];
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; etag?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      response.resume();
      response.once("end", () => resolve({ status: response.statusCode ?? 0, etag: response.headers.etag }));
      response.once("error", reject);
    });
    request.once("error", reject);
  });
}

export async function runReadLoad(options: ReadLoadOptions): Promise<ReadLoadStats> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const stats: ReadLoadStats = { requests: 0, byStatus: new Map(), errors: 0, firstErrors: [] };
  const etags = new Map<string, string>();
  const reader = async (offset: number) => {
    for (let i = offset; !options.signal.aborted; i++) {
      const path = options.paths[i % options.paths.length]!;
      const etag = i % 2 === 0 ? etags.get(path) : undefined;
      try {
        const answer = await get(agent, new URL(path, options.baseUrl), { "Accept-Encoding": "gzip", ...(etag ? { "If-None-Match": etag } : {}) });
        stats.requests += 1;
        stats.byStatus.set(answer.status, (stats.byStatus.get(answer.status) ?? 0) + 1);
        if (answer.etag) etags.set(path, answer.etag);
      } catch (error) {
        stats.errors += 1;
        if (stats.firstErrors.length < 5) stats.firstErrors.push(`${path}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => reader(i)));
  agent.destroy();
  return stats;
}
