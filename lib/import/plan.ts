// What an import will write, decided before anything is written (pure): the dry run prints this
// plan, the writer (write.ts) carries it out. Components are matched by --map, then by name, and
// created only with --create-components; incidents and updates already imported from this source
// are skipped, so a second run writes nothing and a later run adds only the source's new updates.
import type { ComponentState, IncidentKind, PostType, StatuspagePhase } from "@/lib/timeline/types";
import type { SourceComponent, SourceHistory, SourceIncident } from "./history";

export interface ExistingComponent {
  id: number;
  slug: string;
  name: string;
  parentId: number | null;
}

/** What this database already holds: its components, its incident numbers, and what came from this source before. */
export interface ImportState {
  components: ExistingComponent[];
  numbers: ReadonlySet<number>;
  /** The source's incident id → the incident it was imported as. */
  incidents: ReadonlyMap<string, { id: number; number: number }>;
  /** `${incident id} ${update id}` of every update imported from this source. */
  updates: ReadonlySet<string>;
}

export interface ImportOptions {
  /** Source component name (or id) → Beacon slug. */
  map: ReadonlyMap<string, string>;
  createComponents: boolean;
}

export interface PlannedComponent {
  slug: string;
  name: string;
  description: string;
  position: number;
  parentSlug: string | null;
}

export interface PlannedPost {
  externalId: string;
  type: PostType;
  phase: StatuspagePhase | null;
  body: string;
  postedAt: Date;
  stateChanges: { slug: string; state: ComponentState }[];
}

export interface PlannedIncident {
  externalId: string;
  /** Set when the incident was imported by an earlier run: only new posts are added. */
  existingId: number | null;
  number: number;
  title: string;
  kind: IncidentKind;
  scheduledStartAt: Date | null;
  scheduledEndAt: Date | null;
  componentSlugs: string[];
  posts: PlannedPost[];
  postmortem: SourceIncident["postmortem"];
}

export interface ImportPlan {
  source: string;
  components: PlannedComponent[];
  incidents: PlannedIncident[];
  /** What could not be mapped, one readable line each. */
  report: string[];
  counts: { components: number; incidents: number; posts: number; unchanged: number };
}

export const importKey = (incidentId: string, updateId: string) => `${incidentId} ${updateId}`;

function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "component"
  );
}

/** Source component id → Beacon slug, and the components to create. */
function mapComponents(history: SourceHistory, state: ImportState, options: ImportOptions, report: string[]) {
  const bySlug = new Map(state.components.map((component) => [component.slug, component]));
  const taken = new Set(bySlug.keys());
  const slugs = new Map<string, string>();
  const created: PlannedComponent[] = [];
  const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  const groupsFirst = [...history.components].sort((a, b) => Number(a.groupId !== null) - Number(b.groupId !== null));
  for (const component of groupsFirst) {
    const parentSlug = component.groupId === null ? null : (slugs.get(component.groupId) ?? null);
    if (component.groupId !== null && parentSlug === null) {
      report.push(`component "${component.name}": its group was not mapped; left out`);
      continue;
    }
    const mapped = options.map.get(component.name) ?? options.map.get(component.externalId);
    if (mapped !== undefined) {
      if (bySlug.has(mapped)) slugs.set(component.externalId, mapped);
      else report.push(`--map "${component.name}=${mapped}": there is no component ${mapped}; left out`);
      continue;
    }
    const parentId = parentSlug === null ? null : (bySlug.get(parentSlug)?.id ?? -1);
    const candidates = state.components.filter((existing) => sameName(existing.name, component.name));
    const match = candidates.find((existing) => existing.parentId === parentId) ?? candidates[0];
    if (match) slugs.set(component.externalId, match.slug);
    else if (options.createComponents) slugs.set(component.externalId, plannedComponent(component, parentSlug, taken, created));
    else report.push(`component "${component.name}" not found (create it with --create-components or name its slug with --map); its states are left out`);
  }
  return { slugs, created };
}

function plannedComponent(component: SourceComponent, parentSlug: string | null, taken: Set<string>, created: PlannedComponent[]): string {
  const base = slugify(component.name);
  let slug = taken.has(base) && parentSlug ? `${parentSlug}-${base}` : base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  created.push({ slug, name: component.name, description: component.description, position: component.position, parentSlug });
  return slug;
}

export function planImport(history: SourceHistory, state: ImportState, options: ImportOptions): ImportPlan {
  const report = [...history.problems];
  const { slugs, created } = mapComponents(history, state, options, report);
  const numbers = new Set(state.numbers);
  const nextNumber = () => Math.max(0, ...numbers) + 1;
  const incidents: PlannedIncident[] = [];
  let unchanged = 0;
  // Oldest first, so numbers given out here follow the order the incidents happened in.
  const byTime = [...history.incidents].sort((a, b) => (a.updates[0]?.postedAt?.getTime() ?? 0) - (b.updates[0]?.postedAt?.getTime() ?? 0));
  for (const incident of byTime) {
    const label = `${incident.kind} ${incident.externalId} (${incident.title})`;
    const existing = state.incidents.get(incident.externalId) ?? null;
    const posts: PlannedPost[] = [];
    for (const update of incident.updates) {
      if (state.updates.has(importKey(incident.externalId, update.externalId))) continue;
      if (!update.postedAt) {
        report.push(`${label}: update ${update.externalId} has no time; not imported`);
        continue;
      }
      const stateChanges = update.stateChanges.flatMap((change) => {
        const slug = slugs.get(change.componentId);
        return slug ? [{ slug, state: change.state }] : [];
      });
      posts.push({ externalId: update.externalId, type: update.type, phase: update.phase, body: update.body, postedAt: update.postedAt, stateChanges });
    }
    if (posts.length === 0) {
      if (existing) unchanged++;
      else report.push(`${label}: no update with a time; not imported`);
      continue;
    }
    const wanted = /^\d{1,9}$/.test(incident.externalId) ? Number(incident.externalId) : null;
    const number = existing?.number ?? (wanted !== null && wanted > 0 && !numbers.has(wanted) ? wanted : nextNumber());
    numbers.add(number);
    const componentSlugs = [...new Set(incident.componentIds.flatMap((id) => slugs.get(id) ?? []))];
    incidents.push({
      externalId: incident.externalId,
      existingId: existing?.id ?? null,
      number,
      title: incident.title || `Imported ${incident.kind} ${incident.externalId}`,
      kind: incident.kind,
      scheduledStartAt: incident.scheduledStartAt,
      scheduledEndAt: incident.scheduledEndAt,
      componentSlugs,
      posts,
      postmortem: incident.postmortem,
    });
  }
  return {
    source: history.source,
    components: created,
    incidents,
    report,
    counts: {
      components: created.length,
      incidents: incidents.filter((incident) => incident.existingId === null).length,
      posts: incidents.reduce((sum, incident) => sum + incident.posts.length, 0),
      unchanged,
    },
  };
}

/** The dry run's summary: counts, then the first lines of what would be written. */
export function describePlan(plan: ImportPlan, lines = 10): string[] {
  const { counts } = plan;
  const summary = `${counts.incidents} new incidents, ${counts.posts} posts, ${counts.components} new components from ${plan.source} (${counts.unchanged} incidents already imported and unchanged)`;
  const items = [
    ...plan.components.map((c) => `component ${c.slug}: "${c.name}"${c.parentSlug ? ` under ${c.parentSlug}` : ""}`),
    ...plan.incidents.map(
      (i) => `${i.existingId ? "add to" : i.kind} #${i.number} "${i.title}": ${i.posts.length} posts from ${i.posts[0]!.postedAt.toISOString()}`,
    ),
  ];
  const more = items.length > lines ? [`… and ${items.length - lines} more`] : [];
  return [summary, ...items.slice(0, lines), ...more];
}
