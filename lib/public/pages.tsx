// The public pages as pure renderers: the data an endpoint read (lib/public/read.ts), the clock and
// the base URL in, a complete HTML document out. States come from the timeline core's views.
import { ComponentPage } from "@/components/public/ComponentPage";
import { HistoryPage } from "@/components/public/HistoryPage";
import { HomePage } from "@/components/public/HomePage";
import { IncidentPage } from "@/components/public/IncidentPage";
import { MessagePage } from "@/components/public/MessagePage";
import { PostmortemPage } from "@/components/public/PostmortemPage";
import { StatusUnknown } from "@/components/public/StatusNotice";
import { historyMonths, historyPageRange, type HistoryQuery } from "@/lib/public/history-range";
import type { ComponentData, HistoryData, HomeData, IncidentData } from "@/lib/public/read";
import { familyIds } from "@/lib/public/read";
import { type PageMeta, renderDocument } from "@/lib/public/render";
import type { Rendered, RenderContext } from "@/lib/public/rendered";
import { incidentView, systemViews, uptimeByComponent } from "@/lib/public/views";
import { ENGLISH, type I18n } from "@/lib/i18n";
import { postText } from "@/lib/text/markdown";
import { DEFAULT_BRAND } from "@/lib/branding/brand";
import { currentStates, overallState } from "@/lib/timeline";
import type { ComponentState } from "@/lib/timeline/types";

const HTML = "text/html; charset=utf-8";

type PageContext = Pick<RenderContext, "baseUrl" | "i18n" | "brand">;

/** `meta.title` names the page alone: the page's name follows it ("Partial disruption · Example status"), and a link preview reads "Partial disruption — Example status". */
export function page(status: number, meta: PageMeta & { previewTitle?: string; previewText?: string }, ctx: PageContext, body: React.ReactNode): Rendered {
  const brand = ctx.brand ?? DEFAULT_BRAND;
  const preview = { title: `${meta.previewTitle ?? meta.title} — ${brand.name}`, description: meta.previewText ?? meta.description };
  const branded = { ...meta, title: `${meta.title} · ${brand.name}`, brand, preview };
  return { status, body: renderDocument(branded, ctx.baseUrl, body, ctx.i18n ?? ENGLISH), contentType: HTML };
}

/** The first line of a post as plain text, for a link preview. */
const firstLine = (body: string): string => postText(body.split("\n").find((line) => line.trim() !== "") ?? "").slice(0, 200);

const i18nOf = (ctx: PageContext): I18n => ctx.i18n ?? ENGLISH;

/**
 * What every page is shown with: the clock, the reader's language, and the data's age. Live data is
 * shown as such; with `lastKnownAt` (the snapshot's variant) it is labelled the last known status.
 */
function shown(ctx: RenderContext): { now: Date; i18n: I18n; stale: boolean; loadedAt: Date } {
  const reader = { now: ctx.now, i18n: i18nOf(ctx) };
  return ctx.lastKnownAt ? { ...reader, stale: true, loadedAt: ctx.lastKnownAt } : { ...reader, stale: false, loadedAt: ctx.now };
}

/** Nothing could be read and nothing is known: never a guessed green. */
export function unavailablePage(path: string, ctx: PageContext): Rendered {
  const i18n = i18nOf(ctx);
  return page(
    503,
    { title: i18n.t("unknown.heading"), description: i18n.t("unknown.description"), path, faviconState: null },
    ctx,
    <StatusUnknown lastUpdated={null} i18n={i18n} />,
  );
}

const NOT_FOUND = {
  page: "error.notFoundPage",
  incident: "error.notFoundIncident",
  postmortem: "error.notFoundPostmortem",
  component: "error.notFoundComponent",
} as const;

export function notFoundPage(path: string, ctx: PageContext, what: keyof typeof NOT_FOUND = "page"): Rendered {
  const i18n = i18nOf(ctx);
  const message = i18n.t(NOT_FOUND[what]);
  return page(
    404,
    { title: i18n.t("error.notFound"), description: message, path, faviconState: null },
    ctx,
    <MessagePage title={i18n.t("error.notFound")} message={message} i18n={i18n} />,
  );
}

export function badRequestPage(path: string, ctx: PageContext, message: string): Rendered {
  const i18n = i18nOf(ctx);
  return page(
    400,
    { title: i18n.t("error.badRequest"), description: message, path, faviconState: null },
    ctx,
    <MessagePage title={i18n.t("error.badRequest")} message={message} i18n={i18n} />,
  );
}

export function homePage(data: HomeData, ctx: RenderContext): Rendered {
  const shownAs = shown(ctx);
  const { now, i18n, stale } = shownAs;
  const { components, active, recentlyResolved, uptimeWindow } = data;
  const states = currentStates(active, components, now);
  const overall = overallState(components, states);
  const views = active.map((incident) => incidentView(incident, components, now));
  const openIncidents = views.filter((view) => view.incident.kind === "incident" && view.state.open);
  const maintenance = views.filter((view) => view.maintenance === "upcoming" || view.maintenance === "in_progress");
  const verdict = stale ? i18n.t("unknown.heading") : i18n.t(`verdict.${overall}`);
  // A link shared during an outage previews the newest word on it.
  const newestPost = openIncidents
    .flatMap((view) => view.incident.posts)
    .filter((post) => post.postedAt <= now)
    .sort((a, b) => b.postedAt.getTime() - a.postedAt.getTime())[0];
  return page(
    200,
    {
      title: verdict,
      description: verdict,
      previewText: newestPost ? firstLine(newestPost.body) : verdict,
      path: "/",
      faviconState: stale ? null : overall,
      autoRefresh: openIncidents.length > 0,
    },
    ctx,
    <HomePage
      overall={overall}
      systems={systemViews(components, states, uptimeByComponent(uptimeWindow, components, now))}
      openIncidents={openIncidents}
      maintenance={maintenance}
      recentlyResolved={recentlyResolved.map((incident) => incidentView(incident, components, now))}
      {...shownAs}
    />,
  );
}

export function incidentPage(data: IncidentData, ctx: RenderContext & { number: number }): Rendered {
  const path = `/incidents/${ctx.number}`;
  const shownAs = shown(ctx);
  const { now, i18n, stale } = shownAs;
  const { components, incident } = data;
  if (!incident) return notFoundPage(path, ctx, "incident");
  const view = incidentView(incident, components, now);
  const latest = incident.posts[incident.posts.length - 1];
  const stateWord: ComponentState = view.state.open ? view.state.current : "green";
  return page(
    200,
    {
      title: incident.title,
      description: latest ? postText(latest.body).slice(0, 200) : i18n.t(`state.${stateWord}`),
      previewTitle: `${incident.title}: ${view.state.open ? i18n.t(`state.${stateWord}`) : i18n.t("postType.resolved")}`,
      previewText: latest ? firstLine(latest.body) : undefined,
      path,
      faviconState: stale ? null : stateWord,
      autoRefresh: view.state.open && incident.kind === "incident",
    },
    ctx,
    <IncidentPage view={view} components={components} {...shownAs} />,
  );
}

/** A published postmortem; a draft (or no postmortem) is a 404 like a missing incident. */
export function postmortemPage(data: IncidentData, ctx: RenderContext & { number: number }): Rendered {
  const path = `/incidents/${ctx.number}/postmortem`;
  const shownAs = shown(ctx);
  const { i18n } = shownAs;
  const { incident } = data;
  if (!incident?.postmortem) return notFoundPage(path, ctx, "postmortem");
  return page(
    200,
    {
      title: i18n.t("postmortem.title", { title: incident.title }),
      description: postText(incident.postmortem.body).slice(0, 200),
      path,
      faviconState: null,
    },
    ctx,
    <PostmortemPage incident={incident} postmortem={incident.postmortem} {...shownAs} />,
  );
}

/** The canonical address of a history page. */
export function historyHref(query: HistoryQuery, pageNumber = query.page): string {
  const params = new URLSearchParams();
  if (pageNumber > 1) params.set("page", String(pageNumber));
  if (query.component) params.set("component", query.component);
  const search = params.toString();
  return `/history${search ? `?${search}` : ""}`;
}

export function historyPage(data: HistoryData, ctx: RenderContext & { query: HistoryQuery }): Rendered {
  const { query } = ctx;
  const shownAs = shown(ctx);
  const { now, i18n } = shownAs;
  const range = historyPageRange(query.page, now);
  const path = historyHref(query);
  const { components, incidents, firstOpenedAt } = data;
  if (query.component && !components.some((component) => component.slug === query.component && !component.hidden)) {
    return notFoundPage(path, ctx, "component");
  }
  const views = incidents.map((incident) => incidentView(incident, components, now));
  return page(
    200,
    { title: i18n.t("history.title"), description: i18n.t("history.description"), path, faviconState: null },
    ctx,
    <HistoryPage
      months={historyMonths(range, views)}
      components={components}
      selectedSlug={query.component}
      page={query.page}
      newerHref={query.page > 1 ? historyHref(query, query.page - 1) : null}
      olderHref={firstOpenedAt && firstOpenedAt < range.from ? historyHref(query, query.page + 1) : null}
      {...shownAs}
    />,
  );
}

export function componentPage(data: ComponentData, ctx: RenderContext & { slug: string }): Rendered {
  const path = `/components/${ctx.slug}`;
  const shownAs = shown(ctx);
  const { now, i18n, stale } = shownAs;
  const { components, component, incidents, uptimeWindow } = data;
  if (!component) return notFoundPage(path, ctx, "component");
  const states = currentStates(uptimeWindow, components, now);
  const state = states.get(component.id) ?? "green";
  const uptime = uptimeByComponent(uptimeWindow, components, now).get(component.id)!;
  const family = new Set(familyIds(components, component));
  return page(
    200,
    { title: component.name, description: `${component.name}: ${i18n.t(`state.${state}`)}`, path, faviconState: stale ? null : state },
    ctx,
    <ComponentPage
      component={component}
      system={components.find((candidate) => candidate.id === component.parentId) ?? null}
      state={state}
      uptime={uptime}
      incidents={incidents.filter((incident) => incident.componentIds.some((id) => family.has(id))).map((incident) => incidentView(incident, components, now))}
      {...shownAs}
    />,
  );
}
