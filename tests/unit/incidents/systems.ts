// The components the publish previews are tested on: the demo's two systems, Production (with the
// one component a test names) and Development.
import type { TimelineComponent } from "@/lib/timeline/types";

export const PRODUCTION = 1;
export const DEVELOPMENT = 2;

export function twoSystems(productionChild: Pick<TimelineComponent, "id" | "name" | "slug">): TimelineComponent[] {
  return [
    { id: PRODUCTION, name: "Production", slug: "production", parentId: null, position: 0 },
    { id: DEVELOPMENT, name: "Development", slug: "development", parentId: null, position: 1 },
    { ...productionChild, parentId: PRODUCTION, position: 0 },
  ];
}
