// /embed/status: the <iframe> status widget, for hosts that run no third-party script. A tiny HTML
// page with no script at all, the only public page that other sites may frame.
import * as z from "zod";
import { escapeHtml } from "@/lib/formats/common";
import type { EmbedStatusResponse } from "@/lib/formats/schemas";
import { OVERALL_VERDICT } from "@/lib/text/labels";

/** Only this page may be framed by any site; every other page keeps `frame-ancestors 'none'`. */
export const WIDGET_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *";

export const widgetQuerySchema = z.object({
  components: z
    .string()
    .regex(/^[a-z0-9,-]{0,500}$/, "must be component slugs separated by commas")
    .transform((value) => value.split(",").filter(Boolean))
    .optional(),
});

/** The incidents that touch one of `wanted` (every incident when none is chosen). */
export function incidentsFor(status: EmbedStatusResponse, wanted: readonly string[] = []): EmbedStatusResponse["incidents"] {
  return wanted.length ? status.incidents.filter((incident) => incident.components.some((slug) => wanted.includes(slug))) : status.incidents;
}

const COLORS = { green: "#15803d", yellow: "#b45309", red: "#b91c1c", blue: "#1d4ed8" } as const;

export function widgetPage(status: EmbedStatusResponse, wanted: readonly string[] = []): string {
  const incidents = incidentsFor(status, wanted);
  // With components chosen, the verdict is theirs: the worst incident affecting them, or operational.
  const chosen = wanted.length > 0;
  const state = chosen ? (incidents[0]?.state ?? "green") : status.status;
  const headline = chosen ? (incidents[0]?.label ?? OVERALL_VERDICT.green) : status.description;
  const items = incidents
    .map(
      (incident) =>
        `<li><a href="${escapeHtml(incident.url)}" target="_blank" rel="noopener">${escapeHtml(incident.title)}</a> — ${escapeHtml(incident.label)}</li>`,
    )
    .join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(headline)}</title><meta name="robots" content="noindex"><style>
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#111827;background:#fff}
main{padding:8px 12px}p{margin:0;font-weight:600}p span{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:6px}
ul{margin:4px 0 0;padding-left:20px}a{color:#1d4ed8}a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style></head><body><main><p data-state="${state}"><span aria-hidden="true" style="background:${COLORS[state]}"></span>${escapeHtml(headline)}</p>${
    items ? `<ul>${items}</ul>` : ""
  }<a href="${escapeHtml(status.url)}" target="_blank" rel="noopener">Status page</a></main></body></html>`;
}
