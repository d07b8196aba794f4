// Each public page: load (through the cache), derive views from the timeline core, render.
import { loadEnv } from "@/lib/runtime/env";
import { currentStates, overallState } from "@/lib/timeline";
import type { ComponentState } from "@/lib/timeline/types";
import { familyIds, loadComponentData, loadHistoryData, loadHomeData, loadIncidentData, type Loaded } from "@/lib/public/data";
import { incidentView, systemViews, uptimeByComponent } from "@/lib/public/views";
import { historyMonths, historyPageRange, type HistoryQuery } from "@/lib/public/history-range";
import { renderDocument, type PageMeta } from "@/lib/public/render";
import { HomePage } from "@/components/public/HomePage";
import { IncidentPage } from "@/components/public/IncidentPage";
import { HistoryPage } from "@/components/public/HistoryPage";
import { ComponentPage } from "@/components/public/ComponentPage";
import { MessagePage } from "@/components/public/MessagePage";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { OVERALL_VERDICT, STATE_LABEL } from "@/lib/text/labels";
import { markdownToText } from "@/lib/text/markdown";

export interface RenderedPage {
  status: number;
  html: string;
  /** Built from data that is not live (the database could not be read): never snapshot it. */
  stale: boolean;
}

export interface PageOptions {
  /**
   * Render as "the last known status from <time>" even though the data is live: the variant a
   * snapshot keeps for serving while the database is unreachable (lib/snapshot).
   */
  lastKnownAt?: Date;
}

function page(status: number, meta: PageMeta, body: React.ReactNode, stale = false): RenderedPage {
  return { status, html: renderDocument(meta, loadEnv().publicUrl, body), stale };
}

/** Live data, or data marked stale (read earlier, or forced by `lastKnownAt`). */
function asShown<T>(loaded: Loaded<T> & { available: true }, options: PageOptions): { value: T; loadedAt: Date; stale: boolean } {
  if (options.lastKnownAt) return { value: loaded.value, loadedAt: options.lastKnownAt, stale: true };
  return loaded;
}

function unavailable(path: string, lastLoadedAt: Date | null): RenderedPage {
  return page(
    503,
    { title: "Status unknown · Beacon status", description: "The current status cannot be read.", path, faviconState: null },
    <StatusUnknown lastUpdated={lastLoadedAt} />,
    true,
  );
}

export function notFoundPage(path: string, what = "page"): RenderedPage {
  return page(
    404,
    { title: "Not found · Beacon status", description: `No such ${what}.`, path, faviconState: null },
    <MessagePage title="Not found" message={`There is no such ${what} on this status page.`} />,
  );
}

export function badRequestPage(path: string, message: string): RenderedPage {
  return page(
    400,
    { title: "Bad request · Beacon status", description: message, path, faviconState: null },
    <MessagePage title="Bad request" message={message} />,
  );
}

export async function homePage(now: Date, options: PageOptions = {}): Promise<RenderedPage> {
  const read = await loadHomeData(now);
  if (!read.available) return unavailable("/", read.lastLoadedAt);
  const loaded = asShown(read, options);
  const { components, active, recentlyResolved, uptimeWindow } = loaded.value;
  const states = currentStates(active, components, now);
  const overall = overallState(components, states);
  const views = active.map((incident) => incidentView(incident, components, now));
  const openIncidents = views.filter((view) => view.incident.kind === "incident" && view.state.open);
  const maintenance = views.filter((view) => view.maintenance === "upcoming" || view.maintenance === "in_progress");
  const verdict = loaded.stale ? "Status unknown" : OVERALL_VERDICT[overall];
  return page(
    200,
    {
      title: `${verdict} · Beacon status`,
      description: verdict,
      path: "/",
      faviconState: loaded.stale ? null : overall,
      autoRefresh: openIncidents.length > 0,
    },
    <HomePage
      overall={overall}
      systems={systemViews(components, states, uptimeByComponent(uptimeWindow, components, now))}
      openIncidents={openIncidents}
      maintenance={maintenance}
      recentlyResolved={recentlyResolved.map((incident) => incidentView(incident, components, now))}
      now={now}
      loadedAt={loaded.loadedAt}
      stale={loaded.stale}
    />,
    loaded.stale,
  );
}

export async function incidentPage(number: number, now: Date, options: PageOptions = {}): Promise<RenderedPage> {
  const path = `/incidents/${number}`;
  const read = await loadIncidentData(number);
  if (!read.available) return unavailable(path, read.lastLoadedAt);
  const loaded = asShown(read, options);
  const { components, incident } = loaded.value;
  if (!incident) return notFoundPage(path, "incident");
  const view = incidentView(incident, components, now);
  const latest = incident.posts[incident.posts.length - 1];
  const stateWord: ComponentState = view.state.open ? view.state.current : "green";
  return page(
    200,
    {
      title: `${incident.title} · Beacon status`,
      description: latest ? markdownToText(latest.body).slice(0, 200) : `${STATE_LABEL[stateWord]}`,
      path,
      faviconState: loaded.stale ? null : stateWord,
      autoRefresh: view.state.open && incident.kind === "incident",
    },
    <IncidentPage view={view} components={components} now={now} stale={loaded.stale} loadedAt={loaded.loadedAt} />,
    loaded.stale,
  );
}

export async function historyPage(query: HistoryQuery, now: Date, options: PageOptions = {}): Promise<RenderedPage> {
  const range = historyPageRange(query.page, now);
  const path = `/history${query.page > 1 || query.component ? `?${new URLSearchParams({ ...(query.page > 1 ? { page: String(query.page) } : {}), ...(query.component ? { component: query.component } : {}) })}` : ""}`;
  const read = await loadHistoryData({ from: range.from, to: range.to, componentSlug: query.component ?? undefined });
  if (!read.available) return unavailable(path, read.lastLoadedAt);
  const loaded = asShown(read, options);
  const { components, incidents, firstOpenedAt } = loaded.value;
  if (query.component && !components.some((component) => component.slug === query.component && !component.hidden)) {
    return notFoundPage(path, "component");
  }
  const views = incidents.map((incident) => incidentView(incident, components, now));
  const href = (pageNumber: number) => {
    const params = new URLSearchParams();
    if (pageNumber > 1) params.set("page", String(pageNumber));
    if (query.component) params.set("component", query.component);
    const search = params.toString();
    return `/history${search ? `?${search}` : ""}`;
  };
  return page(
    200,
    { title: "Incident history · Beacon status", description: "Past incidents and maintenance, month by month.", path, faviconState: null },
    <HistoryPage
      months={historyMonths(range, views)}
      components={components}
      selectedSlug={query.component}
      page={query.page}
      newerHref={query.page > 1 ? href(query.page - 1) : null}
      olderHref={firstOpenedAt && firstOpenedAt < range.from ? href(query.page + 1) : null}
      now={now}
      stale={loaded.stale}
      loadedAt={loaded.loadedAt}
    />,
    loaded.stale,
  );
}

export async function componentPage(slug: string, now: Date, options: PageOptions = {}): Promise<RenderedPage> {
  const path = `/components/${slug}`;
  const read = await loadComponentData(slug, now);
  if (!read.available) return unavailable(path, read.lastLoadedAt);
  const loaded = asShown(read, options);
  const { components, component, incidents, uptimeWindow } = loaded.value;
  if (!component) return notFoundPage(path, "component");
  const states = currentStates(uptimeWindow, components, now);
  const state = states.get(component.id) ?? "green";
  const uptime = uptimeByComponent(uptimeWindow, components, now).get(component.id)!;
  const family = new Set(familyIds(components, component));
  return page(
    200,
    { title: `${component.name} · Beacon status`, description: `${component.name}: ${STATE_LABEL[state]}`, path, faviconState: loaded.stale ? null : state },
    <ComponentPage
      component={component}
      system={components.find((candidate) => candidate.id === component.parentId) ?? null}
      state={state}
      uptime={uptime}
      incidents={incidents.filter((incident) => incident.componentIds.some((id) => family.has(id))).map((incident) => incidentView(incident, components, now))}
      now={now}
      stale={loaded.stale}
      loadedAt={loaded.loadedAt}
    />,
    loaded.stale,
  );
}
