// Demo data as the feed queries return it, without a database: components with record times and
// incidents with post bodies, so serializers are tested on the same story the e2e server seeds.
import type { PublicComponent, PublicIncident, PublicPost } from "@/lib/timeline/types";
import { DEMO_COMPONENTS, demoDataset, demoToTimeline, numberedComponents, type DemoIncident } from "@/lib/demo";
import type { FormatContext } from "@/lib/formats/common";

export const NOW = new Date("2026-11-22T14:37:12.345Z");
export const BASE_URL = "https://status.example.com";
const CREATED = new Date("2026-01-01T00:00:00.000Z");

export const components: PublicComponent[] = numberedComponents(DEMO_COMPONENTS).map((component, index) => ({
  ...component,
  description: DEMO_COMPONENTS[index]!.description,
  hidden: false,
  createdAt: CREATED,
  updatedAt: CREATED,
}));

export const idOf = (slug: string): number => components.find((component) => component.slug === slug)!.id;

const componentIds = new Map(components.map((component) => [component.slug, component.id]));

/** Post ids are unique across incidents: number × 100 + position. */
export function feedIncident(demo: DemoIncident): PublicIncident {
  const timeline = demoToTimeline(demo, componentIds);
  return {
    ...timeline,
    resolvedAt: timeline.posts.some((post) => post.type === "resolved") ? timeline.posts[timeline.posts.length - 1]!.postedAt : null,
    updatedAt: timeline.openedAt,
    posts: timeline.posts.map(
      (post, index): PublicPost => ({
        ...post,
        id: demo.number * 100 + index + 1,
        body: demo.posts[index]!.body,
        statuspagePhase: null,
        updatedAt: post.createdAt,
        edited: false,
      }),
    ),
  };
}

export function demoIncidents(now = NOW): PublicIncident[] {
  return demoDataset(now)
    .incidents.map(feedIncident)
    .sort((a, b) => b.openedAt.getTime() - a.openedAt.getTime());
}

export function demoIncident(number: number, now = NOW): PublicIncident {
  const incident = demoIncidents(now).find((candidate) => candidate.number === number);
  if (!incident) throw new Error(`no demo incident #${number}`);
  return incident;
}

export function context(now = NOW, overrides: Partial<FormatContext> = {}): FormatContext {
  return { baseUrl: BASE_URL, now, components, ...overrides };
}
