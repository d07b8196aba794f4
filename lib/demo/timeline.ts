// The timeline core's view of demo data, so the seed and tests derive states instead of restating them.
import type { TimelineComponent, TimelineIncident } from "@/lib/timeline/types";
import type { DemoComponent, DemoIncident } from "./types";

function idOf(componentIds: ReadonlyMap<string, number>, slug: string): number {
  const id = componentIds.get(slug);
  if (id === undefined) throw new RangeError(`unknown component "${slug}"`);
  return id;
}

/** Posts get ids 1, 2, … in order and were "written" when posted. */
export function demoToTimeline(incident: DemoIncident, componentIds: ReadonlyMap<string, number>): TimelineIncident {
  return {
    id: incident.number,
    number: incident.number,
    title: incident.title,
    kind: incident.kind,
    openedAt: incident.openedAt,
    scheduledStartAt: incident.scheduledStartAt,
    scheduledEndAt: incident.scheduledEndAt,
    componentIds: incident.componentSlugs.map((slug) => idOf(componentIds, slug)),
    posts: incident.posts.map((post, index) => ({
      id: index + 1,
      type: post.type,
      postedAt: post.postedAt,
      createdAt: post.postedAt,
      stateChanges: post.changes.map((change) => ({ componentId: idOf(componentIds, change.componentSlug), state: change.state })),
    })),
  };
}

/** Components with ids 1, 2, … in list order, for computing on demo data without a database. */
export function numberedComponents(components: readonly DemoComponent[]): TimelineComponent[] {
  const ids = new Map(components.map((component, index) => [component.slug, index + 1]));
  return components.map((component, index) => ({
    id: index + 1,
    name: component.name,
    slug: component.slug,
    parentId: component.parentSlug === null ? null : idOf(ids, component.parentSlug),
    position: component.position,
  }));
}
