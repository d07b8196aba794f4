// Random seeded incidents for the timeline's property tests: 30% maintenance, all COMPONENTS
// affected, posts drawn by the caller from RANDOM_T0 on and handed to the core in any order.
import type { ComponentState, TimelineIncident, TimelinePost } from "@/lib/timeline";
import type { SeededRandom } from "../../support/seeded-random";
import { COMPONENTS, HOUR } from "./fixtures";

export const RANDOM_T0 = Date.UTC(2026, 10, 1);
export const COMPONENT_IDS = COMPONENTS.map((component) => component.id);
export const RANDOM_STATES: ComponentState[] = ["green", "yellow", "red", "blue"];

export function randomIncident(random: SeededRandom, drawPosts: (maintenance: boolean) => TimelinePost[]): TimelineIncident {
  const maintenance = random.chance(0.3);
  const posts = drawPosts(maintenance);
  const start = RANDOM_T0 + random.below(6) * HOUR;
  return {
    id: 7,
    number: 7,
    title: "Random",
    kind: maintenance ? "maintenance" : "incident",
    openedAt: new Date(RANDOM_T0),
    scheduledStartAt: maintenance ? new Date(start) : null,
    scheduledEndAt: maintenance ? new Date(start + (1 + random.below(6)) * HOUR) : null,
    componentIds: COMPONENT_IDS,
    // Any order: the core sorts.
    posts: [...posts].sort(() => random.next() - 0.5),
  };
}
