import { describe, expect, it } from "vitest";
import { parseCommand, UsageError } from "@/lib/api/cli";

const env = { BEACON_URL: "https://status.example.com", BEACON_TOKEN: "bcn_abc", USER: "ci-runner" };

describe("npm run beacon -- deploy", () => {
  it("asks the production gate for the service first, then records the deploy", () => {
    const call = parseCommand(["deploy", "--service", "git-server", "--version", "2020.09.03.1", "--previous", "2020.08.31.2"], env);

    expect(call.gate).toEqual({ path: "/api/admin/deploys/gate?service=git-server&environment=production", force: false });
    expect(call).toMatchObject({
      path: "/api/admin/deploys",
      body: {
        service: "git-server",
        version: "2020.09.03.1",
        previous_version: "2020.08.31.2",
        environment: "production",
        deployed_by: "ci-runner",
        force: false,
      },
    });
  });

  it("passes --force, --who, --environment and --deploy-url through", () => {
    const call = parseCommand(
      ["deploy", "--service", "api", "--version", "2", "--environment", "development", "--who", "ada", "--deploy-url", "https://ci.example/run/9", "--force"],
      env,
    );

    expect(call.gate?.force).toBe(true);
    expect(call.body).toMatchObject({ environment: "development", deployed_by: "ada", url: "https://ci.example/run/9", force: true });
  });

  it.each([
    [["deploy", "--version", "2"], /^--service: /],
    [["deploy", "--service", "api"], /^--version: /],
    [["deploy", "--service", "api", "--version", "2", "--environment", "staging"], /^--environment: must be production or development/],
    [["deploy", "extra", "--service", "api", "--version", "2"], /^usage: /],
  ])("refuses %j with one clear line", (argv, message) => {
    expect(() => parseCommand(argv, env)).toThrow(UsageError);
    expect(() => parseCommand(argv, env)).toThrow(message);
  });
});
