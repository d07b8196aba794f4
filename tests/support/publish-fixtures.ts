// Components, people and post inputs shared by the publishing integration tests.
import { beforeAll } from "vitest";
import type { Db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import type { PublishOutcome } from "@/lib/incidents/publish";
import type { OpenIncidentInput } from "@/lib/validation/incidents";
import { type OpenTestDatabase, type Provider, useTestDatabase } from "./test-databases";

export async function createComponents(db: Db): Promise<{ production: number; development: number; gitPush: number }> {
  const production = await db.component.create({ data: { slug: "production", name: "Production", position: 0 } });
  const development = await db.component.create({ data: { slug: "development", name: "Development", position: 1 } });
  const gitPush = await db.component.create({ data: { slug: "git-push", name: "Git push", parentId: production.id, position: 0 } });
  return { production: production.id, development: development.id, gitPush: gitPush.id };
}

export type ComponentIds = Awaited<ReturnType<typeof createComponents>>;

export interface PublishingSite extends OpenTestDatabase {
  ids: ComponentIds;
  actors: Record<Role, Actor>;
}

/**
 * One describe block's database with the components of `createComponents` and a user of each role.
 * `ids` and `actors` are filled in place before the tests, so the block may destructure them.
 */
export function usePublishingSite(provider: Provider): PublishingSite {
  const site = Object.assign(useTestDatabase(provider), { ids: {} as ComponentIds, actors: {} as Record<Role, Actor> });
  beforeAll(async () => {
    Object.assign(site.ids, await createComponents(site.db));
    Object.assign(site.actors, await createActors(site.db));
  });
  return site;
}

export async function createActors(db: Db): Promise<Record<Role, Actor>> {
  const actors = {} as Record<Role, Actor>;
  for (const role of ["viewer", "commander", "admin"] as const) {
    const user = await db.user.create({ data: { email: `${role}@example.com`, role, passwordHash: "unused" } });
    actors[role] = { userId: user.id, label: user.email, role, ip: "198.51.100.1" };
  }
  return actors;
}

export function openProductionOutage(productionId: number, overrides: Partial<OpenIncidentInput> = {}): OpenIncidentInput {
  return {
    title: "Elevated errors on Production",
    componentIds: [productionId],
    type: "investigating",
    body: "We are investigating elevated error rates.",
    stateChanges: [{ componentId: productionId, state: "red" }],
    ...overrides,
  };
}

/** A use-case's outcome when it must have landed (no confirmation was asked for). */
export function landed(outcome: PublishOutcome): Extract<PublishOutcome, { status: "published" }> {
  if (outcome.status !== "published") throw new Error(`expected a publish, got ${outcome.status} (${outcome.reason})`);
  return outcome;
}
