// Components, people and post inputs shared by the publishing integration tests.
import type { Db } from "@/lib/db/client";
import type { Actor, Role } from "@/lib/auth/roles";
import type { PublishOutcome } from "@/lib/incidents/publish";
import type { OpenIncidentInput } from "@/lib/validation/incidents";

export async function createComponents(db: Db): Promise<{ production: number; development: number; gitPush: number }> {
  const production = await db.component.create({ data: { slug: "production", name: "Production", position: 0 } });
  const development = await db.component.create({ data: { slug: "development", name: "Development", position: 1 } });
  const gitPush = await db.component.create({ data: { slug: "git-push", name: "Git push", parentId: production.id, position: 0 } });
  return { production: production.id, development: development.id, gitPush: gitPush.id };
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
