import { describe, expect, it } from "vitest";
import { parseCommand, sendCall, UsageError } from "@/lib/api/cli";

const env = { BEACON_URL: "https://status.example.com/", BEACON_TOKEN: "bcn_abc" };

describe("npm run beacon", () => {
  it("turns `incident open` into the open-incident request with components by slug", () => {
    const call = parseCommand(
      ["incident", "open", "--title", "Errors", "--component", "production=red", "--component", "git-push", "--type", "issue", "--body", "Looking."],
      env,
    );
    expect(call).toMatchObject({
      url: "https://status.example.com",
      token: "bcn_abc",
      path: "/api/admin/incidents",
      body: {
        title: "Errors",
        type: "issue",
        body: "Looking.",
        componentIds: ["production", "git-push"],
        stateChanges: [{ componentId: "production", state: "red" }],
      },
    });
    expect(call.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("turns `post` and `resolve` into posts to the incident; flags win over the environment", () => {
    expect(
      parseCommand(["post", "2105", "--type", "update", "--body", "Fixing.", "--component", "production=yellow", "--token", "bcn_flag"], env),
    ).toMatchObject({
      path: "/api/admin/incidents/2105/posts",
      token: "bcn_flag",
      body: { type: "update", body: "Fixing.", stateChanges: [{ componentId: "production", state: "yellow" }] },
    });
    expect(parseCommand(["resolve", "2105", "--body", "Fixed."], env).body).toEqual({ type: "resolved", body: "Fixed.", stateChanges: [] });
  });

  it.each([
    [["post", "2105", "--type", "panic"], /^--type: /],
    [["post", "abc", "--type", "update"], /^NUMBER: give the incident number/],
    [["incident", "open", "--title", "x", "--component", "production=purple"], /^--component: use SLUG or SLUG=green\|yellow\|red/],
    [["incident", "open", "--title", "x"], /^--component: /],
    [["resolve", "1", "--bogus"], /^Unknown option '--bogus'/],
    [["launch"], /^usage: /],
  ])("refuses %j with one clear line", (argv, message) => {
    expect(() => parseCommand(argv, env)).toThrow(UsageError);
    expect(() => parseCommand(argv, env)).toThrow(message);
  });

  it("needs a URL and a token", () => {
    expect(() => parseCommand(["resolve", "1"], {})).toThrow(/^--url: /);
    expect(() => parseCommand(["resolve", "1"], { BEACON_URL: "https://x.example" })).toThrow(/^--token: /);
  });

  it("prints the incident URL, or the API's error with its fields in one line; retries a 503 with the same key", async () => {
    const call = parseCommand(["resolve", "7", "--body", "Fixed."], env);
    const keys: string[] = [];
    const answers = [
      new Response("busy", { status: 503 }),
      Response.json({ incident: { number: 7, url: "https://status.example.com/incidents/7" } }, { status: 201 }),
    ];
    const fetchStub = (async (_url: string, init: RequestInit) => (
      keys.push(new Headers(init.headers).get("idempotency-key")!), answers.shift()!
    )) as unknown as typeof fetch;
    expect(await sendCall(call, fetchStub)).toBe("Resolved incident #7: https://status.example.com/incidents/7");
    expect(new Set(keys).size).toBe(1);
    const refused = (async () =>
      Response.json({ error: { code: "invalid_input", message: "m", fields: { body: "Too long." } } }, { status: 422 })) as unknown as typeof fetch;
    await expect(sendCall(call, refused)).rejects.toThrow("422 invalid_input: body: Too long.");
  });
});
