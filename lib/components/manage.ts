// Component management (admins only): add, rename, describe, regroup, reorder and hide. History
// refers to components by id, so a rename shows everywhere at once and breaks nothing; the slug (in
// public links such as /components/git-push) stays as it is unless the admin changes it on purpose.
import type { Db, Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import { invalidatePublicViews } from "@/lib/events/public-views";
import type { CreateComponentInput, MoveComponentInput, UpdateComponentInput } from "@/lib/validation/components";
import { moveAmongSiblings, parentProblem, slugify } from "./rules";

const EDITABLE = ["name", "slug", "description", "parentId", "hidden"] as const;
type Editable = Pick<UpdateComponentInput, (typeof EDITABLE)[number]>;

/** Every component change: admins only, in one transaction, and the public pages refreshed once it is committed. */
async function changeComponents<T>(db: Db, actor: Actor | null, change: (tx: Tx, admin: Actor) => Promise<T>): Promise<T> {
  const admin = authorize(actor, "admin");
  const result = await db.$transaction((tx) => change(tx, admin));
  invalidatePublicViews();
  return result;
}

export function createComponent(db: Db, actor: Actor | null, input: CreateComponentInput): Promise<{ id: number; slug: string }> {
  return changeComponents(db, actor, async (tx, admin) => {
    const slug = input.slug ?? slugify(input.name);
    if (slug === "") throw new InputError("slug", "Enter a slug: the name has no letters or digits to make one from.");
    await assertPlacement(tx, null, input.parentId);
    await assertSlugFree(tx, slug, null);
    const fields = { name: input.name, slug, description: input.description, parentId: input.parentId, hidden: input.hidden };
    const component = await tx.component.create({ data: { ...fields, position: await nextPosition(tx, input.parentId) } });
    await recordAudit(tx, { actor: admin, action: "component.create", targetType: "component", targetId: component.id, after: fields });
    return { id: component.id, slug };
  });
}

export function updateComponent(db: Db, actor: Actor | null, input: UpdateComponentInput): Promise<void> {
  return changeComponents(db, actor, async (tx, admin) => {
    const current = await findComponent(tx, input.id);
    const changed = EDITABLE.filter((key) => current[key] !== input[key]);
    if (changed.length === 0) throw new InputError("form", "Nothing changed.");
    if (changed.includes("parentId")) await assertPlacement(tx, current.id, input.parentId);
    if (changed.includes("slug")) await assertSlugFree(tx, input.slug, current.id);
    const data: Partial<Editable> & { position?: number } = Object.fromEntries(changed.map((key) => [key, input[key]]));
    // Moved to another system: it goes last there.
    if (changed.includes("parentId")) data.position = await nextPosition(tx, input.parentId);
    await tx.component.update({ where: { id: current.id }, data });
    await recordAudit(tx, {
      actor: admin,
      action: "component.update",
      targetType: "component",
      targetId: current.id,
      before: Object.fromEntries(changed.map((key) => [key, current[key]])),
      after: Object.fromEntries(changed.map((key) => [key, input[key]])),
    });
  });
}

/** One place up or down among its siblings; the siblings' positions are renumbered 0, 1, 2, … */
export function moveComponent(db: Db, actor: Actor | null, input: MoveComponentInput): Promise<void> {
  return changeComponents(db, actor, async (tx, admin) => {
    const component = await findComponent(tx, input.id);
    const siblings = await tx.component.findMany({
      where: { parentId: component.parentId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, position: true },
    });
    const order = moveAmongSiblings(
      siblings.map((sibling) => sibling.id),
      component.id,
      input.direction,
    );
    const before = siblings.map((sibling) => sibling.id);
    if (order.every((id, index) => id === before[index])) throw new InputError("form", `It is already the ${input.direction === "up" ? "first" : "last"}.`);
    for (const [position, id] of order.entries()) {
      if (siblings.find((sibling) => sibling.id === id)?.position !== position) await tx.component.update({ where: { id }, data: { position } });
    }
    await recordAudit(tx, {
      actor: admin,
      action: "component.move",
      targetType: "component",
      targetId: component.id,
      before: { order: before },
      after: { order },
    });
  });
}

async function findComponent(tx: Tx, id: number) {
  const component = await tx.component.findUnique({ where: { id } });
  if (!component) throw new InputError("form", "That component does not exist. Reload the page.");
  return component;
}

async function assertPlacement(tx: Tx, componentId: number | null, parentId: number | null): Promise<void> {
  const nodes = await tx.component.findMany({ select: { id: true, parentId: true } });
  const problem = parentProblem(nodes, componentId, parentId);
  if (problem) throw new InputError("parentId", problem);
}

async function assertSlugFree(tx: Tx, slug: string, componentId: number | null): Promise<void> {
  const owner = await tx.component.findUnique({ where: { slug }, select: { id: true, name: true } });
  if (owner && owner.id !== componentId) throw new InputError("slug", `The slug "${slug}" is already used by ${owner.name}.`);
}

async function nextPosition(tx: Tx, parentId: number | null): Promise<number> {
  const last = await tx.component.findFirst({ where: { parentId }, orderBy: { position: "desc" }, select: { position: true } });
  return last === null ? 0 : last.position + 1;
}
