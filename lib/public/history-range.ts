// /history pages: page 1 is the current UTC month and the two before it, page 2 the three before
// those, and so on. Pure, so the month arithmetic is unit-tested.
import * as z from "zod";
import type { IncidentView } from "@/lib/public/views";

export const MONTHS_PER_PAGE = 3;
export const MAX_HISTORY_PAGE = 400;

export const historyQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_HISTORY_PAGE).default(1),
  component: z
    .string()
    .regex(/^[a-z0-9-]{1,100}$/)
    .nullable()
    .default(null),
});
export type HistoryQuery = z.infer<typeof historyQuerySchema>;

export interface HistoryMonth {
  /** "2026-11" */
  key: string;
  label: string;
  incidents: IncidentView[];
}

export interface HistoryRange {
  from: Date;
  to: Date;
  /** Newest first. */
  months: { key: string; label: string; from: Date; to: Date }[];
}

const monthLabel = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", year: "numeric" });

function monthStart(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

export function historyPageRange(page: number, now: Date): HistoryRange {
  const firstOffset = (page - 1) * MONTHS_PER_PAGE;
  const months = Array.from({ length: MONTHS_PER_PAGE }, (_, index) => {
    const from = monthStart(now.getUTCFullYear(), now.getUTCMonth() - firstOffset - index);
    const to = monthStart(from.getUTCFullYear(), from.getUTCMonth() + 1);
    const key = `${from.getUTCFullYear()}-${String(from.getUTCMonth() + 1).padStart(2, "0")}`;
    return { key, label: monthLabel.format(from), from, to };
  });
  return { from: months[months.length - 1]!.from, to: months[0]!.to, months };
}

/** Incidents placed in the month they opened, newest first; empty months stay in the list. */
export function historyMonths(range: HistoryRange, views: IncidentView[]): HistoryMonth[] {
  return range.months.map((month) => ({
    key: month.key,
    label: month.label,
    incidents: views
      .filter((view) => view.incident.openedAt >= month.from && view.incident.openedAt < month.to)
      .sort((a, b) => b.incident.openedAt.getTime() - a.incident.openedAt.getTime()),
  }));
}
