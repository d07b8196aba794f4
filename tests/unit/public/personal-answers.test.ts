// Personal pages (a token in the address) are made per request and marked no-store; every other
// answer is kept and shared. The cache option lives in the endpoint table (cache: "none").
import { describe, expect, it } from "vitest";
import { answerFor, type ValidRoute } from "@/lib/public/answers";
import type { AnyEndpoint } from "@/lib/public/endpoints";
import { PUBLIC_ENDPOINTS } from "@/lib/public/endpoints";
import { CONTENT_TYPES } from "@/lib/public/rendered";

function countingRoute(path: string, cache?: "none"): { route: ValidRoute; reads: () => number } {
  let reads = 0;
  const endpoint: AnyEndpoint = {
    path,
    kind: "page",
    snapshot: "skip",
    ...(cache ? { cache } : {}),
    read: async () => ++reads,
    render: (data: number) => ({ status: 200, body: `<p>answer ${data}</p>`, contentType: CONTENT_TYPES.html }),
  };
  return { route: { endpoint, params: {}, query: {}, choice: { lang: "en" }, key: `${path} test` }, reads: () => reads };
}

describe("cache: none", () => {
  it("reads and renders on every request, and says no-store", async () => {
    const { route, reads } = countingRoute("/personal-test", "none");
    const first = await answerFor(route);
    const second = await answerFor(route);
    expect(reads()).toBe(2);
    expect(second.identity.toString()).toContain("answer 2");
    for (const answer of [first, second]) expect(answer.headers["Cache-Control"]).toBe("no-store");
  });

  it("without it, one answer is kept and shared", async () => {
    const { route, reads } = countingRoute("/shared-test");
    await answerFor(route);
    const second = await answerFor(route);
    expect(reads()).toBe(1);
    expect(second.headers["Cache-Control"]).toMatch(/^public/);
  });

  it("every page with a token in its address is personal and outside the snapshot", () => {
    const personal = ["/subscribe/confirm", "/subscribe/manage", "/unsubscribe"].map((path) => PUBLIC_ENDPOINTS.find((endpoint) => endpoint.path === path));
    for (const endpoint of personal) expect(endpoint).toMatchObject({ cache: "none", snapshot: "skip" });
  });
});
