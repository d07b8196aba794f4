// PURE: a postmortem's impact figures, from the timeline core (the same durations the incident
// page shows), and their Markdown for the draft's "Impact" section.
import { formatUtc } from "@/lib/text/format-time";
import { STATE_LABEL } from "@/lib/text/labels";
import { formatDuration, incidentDurations, incidentState } from "@/lib/timeline";
import { MINUTE_MS } from "@/lib/timeline/dates";
import { visiblePosts } from "@/lib/timeline/order";
import type { ComponentState, TimelineComponent, TimelineIncident } from "@/lib/timeline/types";

export type ImpactState = Exclude<ComponentState, "green">;
const IMPACT_STATES: readonly ImpactState[] = ["red", "yellow", "blue"];

export interface ComponentImpact {
  componentId: number;
  name: string;
  /** Whole minutes in each non-green state within the customer-visible span. */
  minutes: Record<ImpactState, number>;
}

export interface PostmortemImpact {
  /** Customer-visible start and end (the end is null while the incident is open). */
  startedAt: Date;
  endedAt: Date | null;
  /** Posts customers could read by `now`. */
  publicUpdates: number;
  components: ComponentImpact[];
}

export function postmortemImpact(incident: TimelineIncident, components: readonly TimelineComponent[], now: Date): PostmortemImpact {
  const state = incidentState(incident, now);
  const names = new Map(components.map((component) => [component.id, component.name]));
  return {
    startedAt: state.startedAt,
    endedAt: state.endedAt,
    publicUpdates: visiblePosts(incident.posts, now.getTime()).length,
    components: incidentDurations(incident, components, now).map(({ componentId, durations }) => ({
      componentId,
      name: names.get(componentId) ?? `#${componentId}`,
      minutes: { red: toMinutes(durations.red), yellow: toMinutes(durations.yellow), blue: toMinutes(durations.blue) },
    })),
  };
}

const toMinutes = (ms: number) => Math.floor(ms / MINUTE_MS);

/** "- Git push: Degraded 1h 30m" lines, the span and the number of updates, as Markdown. */
export function impactMarkdown(impact: PostmortemImpact): string {
  const span = impact.endedAt
    ? `Customers were affected from ${formatUtc(impact.startedAt)} to ${formatUtc(impact.endedAt)} (${formatDuration(impact.endedAt.getTime() - impact.startedAt.getTime())}).`
    : `Customers have been affected since ${formatUtc(impact.startedAt)}.`;
  const lines = impact.components.flatMap(({ name, minutes }) => {
    const parts = IMPACT_STATES.filter((state) => minutes[state] > 0).map((state) => `${STATE_LABEL[state]} ${formatDuration(minutes[state] * MINUTE_MS)}`);
    return parts.length > 0 ? [`- ${name}: ${parts.join(" · ")}`] : [];
  });
  const updates = `We posted ${impact.publicUpdates} ${impact.publicUpdates === 1 ? "update" : "updates"} on the status page.`;
  return [span, "", ...lines, ...(lines.length > 0 ? [""] : []), updates].join("\n");
}
