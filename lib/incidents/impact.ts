// PURE: what customers will see change if a proposed post is published — per system/component
// "green → red" or unchanged, where it appears, and the guardrail warnings that need an explicit
// confirmation. The confirm step carries `hash`; if anything in this diff changes before the
// commander confirms (their edit, another commander's post, the clock), the hash no longer matches.
// The exported helpers (componentDiff, textWarnings, webhookSubscribers, impactHash) serve
// maintenance too (maintenance-impact.ts).
import { createHash } from "node:crypto";
import { currentStates, incidentState } from "@/lib/timeline";
import { endpointMatches, eventOf, type EndpointFilter } from "@/lib/webhooks/match";
import type { ComponentState, PostType, TimelineComponent, TimelineIncident, TimelinePost, TimelineStateChange } from "@/lib/timeline/types";

export interface ProposedPost {
  type: PostType;
  body: string;
  /** Only when opening an incident. */
  title?: string;
  postedAt: Date;
  backdated: boolean;
  stateChanges: TimelineStateChange[];
  /** Components the incident names as affected (added to its links). */
  componentIds: number[];
}

export interface ImpactInput {
  components: readonly TimelineComponent[];
  /** Open incidents and unfinished maintenance as of now. */
  active: readonly TimelineIncident[];
  /** The incident posted to, whole or condensed (lib/timeline/running.ts); null when opening one. */
  incident: TimelineIncident | null;
  /** Whether it ever had an Issue or Update post; read from `incident.posts` when omitted (they must then be all of them). */
  reported?: boolean;
  proposed: ProposedPost;
  now: Date;
  /** Enabled webhook endpoints' filters; omitted = none. */
  webhooks?: readonly EndpointFilter[];
}

/** A span of time in which a change applies (a maintenance window); absent = from now on. */
export interface ChangeWindow {
  start: Date;
  end: Date;
}

export interface ComponentChange {
  componentId: number;
  name: string;
  isSystem: boolean;
  before: ComponentState;
  after: ComponentState;
  window?: ChangeWindow;
}

export type WarningCode =
  | "resolve-while-degraded"
  | "resolve-without-update"
  | "red-not-covered"
  | "empty-body"
  | "placeholder"
  | "window-started"
  | "maintenance-overlap";

export interface ImpactWarning {
  code: WarningCode;
  message: string;
}

export type ImpactOutcome = "opens" | "updates" | "resolves" | "reopens" | "schedules" | "extends" | "ends-early" | "cancels";

/** The post as customers will read it (and, for maintenance, its window). */
export interface PreviewPost {
  title?: string;
  type: PostType;
  body: string;
  postedAt: Date;
  window?: ChangeWindow;
}

export interface Impact {
  incident: ImpactOutcome;
  /** Every system (changed or not), and each sub-component that changes. */
  changes: ComponentChange[];
  announcements: string[];
  warnings: ImpactWarning[];
  post: PreviewPost;
  hash: string;
}

/** A `{component}`-style placeholder left over from a template. */
export const PLACEHOLDER = /\{[a-z_][a-z0-9_ ]*\}/i;
const PROPOSED_POST_ID = Number.MAX_SAFE_INTEGER;

export function proposedIncident({ incident, proposed, now }: Pick<ImpactInput, "incident" | "proposed" | "now">): TimelineIncident {
  const post: TimelinePost = { id: PROPOSED_POST_ID, type: proposed.type, postedAt: proposed.postedAt, createdAt: now, stateChanges: proposed.stateChanges };
  const base: TimelineIncident = incident ?? {
    id: -1,
    number: -1,
    title: proposed.title ?? "",
    kind: "incident",
    openedAt: proposed.postedAt,
    scheduledStartAt: null,
    scheduledEndAt: null,
    componentIds: [],
    posts: [],
  };
  const componentIds = [...new Set([...base.componentIds, ...proposed.componentIds, ...proposed.stateChanges.map((c) => c.componentId)])];
  return { ...base, componentIds, posts: [...base.posts, post] };
}

export function publishImpact(input: ImpactInput): Impact {
  const { components, active, incident, proposed, now } = input;
  const changes = componentDiff({ components, active, current: incident, proposed: proposedIncident(input), at: now });
  const warnings = [...guardrailWarnings(input), ...textWarnings(proposed.title, proposed.body)];
  const outcome = incidentOutcome(incident, proposed, now);
  const subscribers = webhookSubscribers(
    input.webhooks,
    components,
    eventOf(incident ? "post.publish" : "incident.open", proposed.type),
    proposedIncident(input).componentIds,
  );
  const announcements = [
    outcome === "opens"
      ? "A new incident and its first post on the public page, the RSS/Atom feeds and the APIs"
      : "A new post on the public page, the RSS/Atom feeds and the APIs",
    ...subscribersLine(subscribers),
  ];
  if (proposed.backdated) announcements.push(`The post is dated ${proposed.postedAt.toISOString().slice(0, 16).replace("T", " ")} UTC and marked as backdated`);

  const hash = impactHash({
    outcome,
    changes: changes.map((c) => [c.componentId, c.before, c.after]),
    warnings: warnings.map((w) => w.code),
    type: proposed.type,
    title: proposed.title ?? null,
    body: proposed.body,
    postedAt: proposed.backdated ? proposed.postedAt.toISOString() : null,
    stateChanges: [...proposed.stateChanges].sort((a, b) => a.componentId - b.componentId).map((c) => [c.componentId, c.state]),
    componentIds: [...proposed.componentIds].sort((a, b) => a - b),
  });
  const post = { title: proposed.title, type: proposed.type, body: proposed.body, postedAt: proposed.postedAt };
  return { incident: outcome, changes, announcements, warnings, post, hash };
}

export interface DiffInput {
  components: readonly TimelineComponent[];
  active: readonly TimelineIncident[];
  /** The incident as it stands (null when it is new). */
  current: TimelineIncident | null;
  /** The same incident as it will be once published. */
  proposed: TimelineIncident;
  /** The instant customers see the change at: now, or when a maintenance window starts. */
  at: Date;
  window?: ChangeWindow;
}

/** Every system (changed or not) and each changed sub-component: their state at `at` without and with the change. */
export function componentDiff({ components, active, current, proposed, at, window }: DiffInput): ComponentChange[] {
  const others = active.filter((candidate) => candidate.id !== current?.id);
  const before = currentStates(current ? [...others, current] : others, components, at);
  const after = currentStates([...others, proposed], components, at);
  return components
    .map((component) => {
      const change: ComponentChange = {
        componentId: component.id,
        name: component.name,
        isSystem: component.parentId === null,
        before: before.get(component.id) ?? "green",
        after: after.get(component.id) ?? "green",
      };
      return window && change.before !== change.after ? { ...change, window } : change;
    })
    .filter((change) => change.isSystem || change.before !== change.after);
}

/** An empty text, or a template placeholder left in the title or body. */
export function textWarnings(title: string | undefined, body: string): ImpactWarning[] {
  const warnings: ImpactWarning[] = [];
  if (body.trim() === "") warnings.push({ code: "empty-body", message: "The post has no text: customers will see only its type." });
  const placeholder = `${title ?? ""}\n${body}`.match(PLACEHOLDER);
  if (placeholder)
    warnings.push({ code: "placeholder", message: `The text still contains the template placeholder ${placeholder[0]}. Replace it with the real words.` });
  return warnings;
}

/** Enabled endpoints whose event and component filters this change matches (as the outbox will). */
export function webhookSubscribers(
  webhooks: readonly EndpointFilter[] | undefined,
  components: readonly TimelineComponent[],
  event: string,
  componentIds: number[],
): number {
  const parentOf = new Map(components.map((component) => [component.id, component.parentId]));
  return (webhooks ?? []).filter((endpoint) => endpointMatches(endpoint, { event, componentIds }, parentOf)).length;
}

export function subscribersLine(subscribers: number): string[] {
  return subscribers > 0 ? [`${subscribers} webhook subscriber${subscribers === 1 ? "" : "s"} will be notified`] : [];
}

/** What the commander confirms: any difference in the fingerprint means they must look again. */
export function impactHash(fingerprint: unknown): string {
  return createHash("sha256").update(JSON.stringify(fingerprint)).digest("hex");
}

function incidentOutcome(incident: TimelineIncident | null, proposed: ProposedPost, now: Date): ImpactOutcome {
  if (proposed.type === "resolved") return "resolves";
  if (!incident) return "opens";
  return incidentState(incident, now).open ? "updates" : "reopens";
}

const STATE_WORD: Record<ComponentState, string> = { green: "operational", blue: "under maintenance", yellow: "degraded", red: "down" };

function guardrailWarnings({ components, active, incident, reported, proposed, now }: ImpactInput): ImpactWarning[] {
  const warnings: ImpactWarning[] = [];
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `component ${id}`;

  if (proposed.type === "resolved" && incident) {
    const own = new Set(incident.posts.flatMap((post) => post.stateChanges.map((change) => change.componentId)));
    const states = currentStates([incident], components, now);
    const degraded = [...own].filter((id) => (states.get(id) ?? "green") !== "green");
    if (degraded.length > 0) {
      const list = degraded.map((id) => `${nameOf(id)} (${STATE_WORD[states.get(id)!]})`).join(", ");
      warnings.push({
        code: "resolve-while-degraded",
        message: `${list} ${degraded.length === 1 ? "is" : "are"} still not green in this incident. Resolving sets ${degraded.length === 1 ? "it" : "them"} green for customers. If the problem continues, post an Update instead.`,
      });
    }
  }
  if (proposed.type === "resolved" && !(reported ?? incident?.posts.some((post) => post.type === "issue" || post.type === "update"))) {
    warnings.push({
      code: "resolve-without-update",
      message: "This resolves an incident that has had no Issue or Update post, so customers never heard what was wrong.",
    });
  }
  if (proposed.type !== "resolved") {
    const covered = new Set([
      ...(incident?.componentIds ?? []),
      ...proposed.componentIds,
      ...active.filter((other) => other.id !== incident?.id && incidentState(other, now).open).flatMap((other) => other.componentIds),
    ]);
    const parentOf = (id: number) => components.find((component) => component.id === id)?.parentId ?? null;
    const uncovered = proposed.stateChanges.filter((c) => c.state === "red" && !covered.has(c.componentId) && !covered.has(parentOf(c.componentId) ?? NaN));
    if (uncovered.length > 0) {
      const list = uncovered.map((c) => nameOf(c.componentId)).join(", ");
      warnings.push({
        code: "red-not-covered",
        message: `${list} will be shown as down, but no open incident names ${uncovered.length === 1 ? "it" : "them"} as affected. Check you are posting to the right incident.`,
      });
    }
  }
  return warnings;
}
