// vitest globalSetup for the integration project: one throwaway PostgreSQL for the whole run,
// unless TEST_PG_URL already points at one. Tests create their own databases inside it.
import type { TestProject } from "vitest/node";
import { startPgCluster } from "../../scripts/support/pg-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    TEST_PG_URL: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const existing = process.env.TEST_PG_URL;
  if (existing) {
    project.provide("TEST_PG_URL", existing);
    return undefined;
  }
  const cluster = await startPgCluster();
  process.env.TEST_PG_URL = cluster.url;
  project.provide("TEST_PG_URL", cluster.url);
  return async () => {
    delete process.env.TEST_PG_URL;
    await cluster.stop();
  };
}
