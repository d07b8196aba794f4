// PURE: the rules of the component tree. Two levels only — systems and their sub-components — so
// only a system can be a parent, and a cycle cannot be built.

/** "Git push (EU)" → "git-push-eu"; "" when nothing usable is left. */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/, "");
}

export interface TreeNode {
  id: number;
  parentId: number | null;
}

/** Why `componentId` (null: a new one) cannot sit under `parentId`, or null when it can. */
export function parentProblem(nodes: readonly TreeNode[], componentId: number | null, parentId: number | null): string | null {
  if (parentId === null) return null;
  if (parentId === componentId) return "A component cannot be its own system.";
  const parent = nodes.find((node) => node.id === parentId);
  if (!parent) return "That system does not exist. Reload the page.";
  if (parent.parentId !== null) return "Only a system (a top-level component) can have sub-components.";
  if (componentId !== null && nodes.some((node) => node.parentId === componentId)) {
    return "This system has sub-components. Move them to another system first.";
  }
  return null;
}

/** Sibling ids in their new order after moving `id` one place up or down (unchanged at either end). */
export function moveAmongSiblings(siblingIds: readonly number[], id: number, direction: "up" | "down"): number[] {
  const order = [...siblingIds];
  const from = order.indexOf(id);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from === -1 || to < 0 || to >= order.length) return order;
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}
