// Components in API bodies may be named by id or slug; this turns them into ids, and reports each
// unknown one next to its field (422), before anything is written.
import type { Db } from "@/lib/db/client";
import type { ComponentRef } from "@/lib/validation/api";
import { ApiFailure } from "./http";

export interface RefAt {
  /** The field path, e.g. "stateChanges.1.componentId". */
  path: string;
  ref: ComponentRef;
}

export async function resolveComponents(db: Db, refs: RefAt[]): Promise<number[]> {
  if (refs.length === 0) return [];
  const components = await db.component.findMany({ select: { id: true, slug: true } });
  const bySlug = new Map(components.map((component) => [component.slug, component.id]));
  const ids = new Set(components.map((component) => component.id));
  const unknown: Record<string, string> = {};
  const resolved = refs.map(({ path, ref }) => {
    const id = typeof ref === "number" ? (ids.has(ref) ? ref : undefined) : bySlug.get(ref);
    if (id === undefined) unknown[path] = `Unknown component ${JSON.stringify(ref)}.`;
    return id ?? 0;
  });
  if (Object.keys(unknown).length > 0) {
    throw new ApiFailure(
      422,
      "unknown_component",
      `Unknown component${Object.keys(unknown).length > 1 ? "s" : ""}; name each by its slug (as in /components/<slug>) or its numeric id.`,
      unknown,
    );
  }
  return resolved;
}

/** `componentIds` and `stateChanges` of a body, with components as ids. */
export async function withComponentIds<T extends { componentIds?: ComponentRef[]; stateChanges?: { componentId: ComponentRef; state: string }[] }>(
  db: Db,
  body: T,
) {
  const listed = (body.componentIds ?? []).map((ref, index) => ({ path: `componentIds.${index}`, ref }));
  const changes = (body.stateChanges ?? []).map((change, index) => ({ path: `stateChanges.${index}.componentId`, ref: change.componentId }));
  const ids = await resolveComponents(db, [...listed, ...changes]);
  return {
    ...body,
    componentIds: ids.slice(0, listed.length),
    stateChanges: (body.stateChanges ?? []).map((change, index) => ({ ...change, componentId: ids[listed.length + index]! })),
  };
}
