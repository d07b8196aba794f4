// The maintenance calendar (RFC 5545): one VEVENT per upcoming or in-progress maintenance window.
// A small serializer rather than a library: the handful of properties needed here are fully pinned
// by tests (CRLF, 75-octet folding, TEXT escaping, DTSTAMP/UID), with no dependency to vet.
// No METHOD property, so DTSTAMP is the event's last revision (RFC 5545 §3.8.7.2): the file stays
// byte-identical until a post changes, and conditional GETs answer 304.
import type { PublicIncident } from "@/lib/timeline/types";
import { maintenanceStatus } from "@/lib/timeline";
import { POST_TYPE_LABEL } from "@/lib/text/labels";
import { formatUtc } from "@/lib/text/format-time";
import { affectedComponents, incidentUpdatedAt, incidentUrl, latest, pageName, STATUS_PAGE_NAME, visiblePosts, type FormatContext } from "./common";
import { postText } from "@/lib/text/markdown";

const CRLF = "\r\n";
const MAX_OCTETS = 75;

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into lines of at most 75 octets, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

/** UTC DATE-TIME form: 20261125T100000Z. */
export function icalDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

function eventLines(ctx: FormatContext, maintenance: PublicIncident, host: string): string[] {
  const url = incidentUrl(ctx.baseUrl, maintenance.number);
  const posts = visiblePosts(maintenance, ctx.now).reverse();
  const description = [...posts.map((post) => `${POST_TYPE_LABEL[post.type]} (${formatUtc(post.postedAt)}): ${postText(post.body)}`), url].join("\n\n");
  const changed = icalDate(incidentUpdatedAt(maintenance, ctx.now));
  const components = affectedComponents(maintenance, ctx.components).map((component) => escapeText(component.name));
  return [
    "BEGIN:VEVENT",
    `UID:maintenance-${maintenance.number}@${host}`,
    `DTSTAMP:${changed}`,
    `LAST-MODIFIED:${changed}`,
    `DTSTART:${icalDate(maintenance.scheduledStartAt!)}`,
    ...(maintenance.scheduledEndAt ? [`DTEND:${icalDate(maintenance.scheduledEndAt)}`] : []),
    `SUMMARY:${escapeText(maintenance.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    ...(components.length > 0 ? [`CATEGORIES:${components.join(",")}`] : []),
    "STATUS:CONFIRMED",
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

/** Upcoming and in-progress maintenance windows, soonest first. */
export function maintenanceCalendar(ctx: FormatContext, active: readonly PublicIncident[]): { text: string; updated: Date } {
  const windows = active
    .filter((incident) => incident.kind === "maintenance" && incident.scheduledStartAt && maintenanceStatus(incident, ctx.now) !== "completed")
    .sort((a, b) => a.scheduledStartAt!.getTime() - b.scheduledStartAt!.getTime());
  const host = new URL(ctx.baseUrl).host;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:-//Beacon//${STATUS_PAGE_NAME}//EN`,
    "CALSCALE:GREGORIAN",
    `X-WR-CALNAME:${escapeText(`${pageName(ctx)}: maintenance`)}`,
    "X-WR-TIMEZONE:UTC",
    "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
    "X-PUBLISHED-TTL:PT1H",
    ...windows.flatMap((maintenance) => eventLines(ctx, maintenance, host)),
    "END:VCALENDAR",
  ];
  const updated = windows.length > 0 ? latest(windows.map((maintenance) => incidentUpdatedAt(maintenance, ctx.now))) : ctx.now;
  return { text: lines.map(foldLine).join(CRLF) + CRLF, updated };
}
