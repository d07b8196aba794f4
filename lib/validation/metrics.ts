// The metrics page's GET form (and its CSV links): period kind, component, and an optional date range.
import * as z from "zod";
import { PERIOD_KINDS } from "@/lib/metrics/periods";
import type { CalendarDate } from "@/lib/metrics/zoned-time";

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-11-30.")
  .transform((text, context): CalendarDate => {
    const [year = 0, month = 0, day = 0] = text.split("-").map(Number);
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day || year < 1970) {
      context.addIssue({ code: "custom", message: "Use a date such as 2026-11-30." });
      return z.NEVER;
    }
    return { year, month, day };
  });

export const metricsQuerySchema = z
  .object({
    period: z.preprocess(emptyToUndefined, z.enum(PERIOD_KINDS, { error: "Choose week, month or quarter." }).default("month")),
    /** A component slug; empty for all components. */
    component: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
    from: z.preprocess(emptyToUndefined, dateField.optional()),
    to: z.preprocess(emptyToUndefined, dateField.optional()),
  })
  .refine(({ from, to }) => !from || !to || Date.UTC(from.year, from.month - 1, from.day) <= Date.UTC(to.year, to.month - 1, to.day), {
    message: "The start must not be after the end.",
    path: ["from"],
  });
export type MetricsQuery = z.infer<typeof metricsQuerySchema>;

/** The first value of each search parameter, as a page or a route handler receives them. */
export function firstValues(params: Record<string, string | string[] | undefined> | URLSearchParams): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.keys()].map((key) => [key, params.get(key)] as const) : Object.entries(params);
  return Object.fromEntries(entries.map(([key, value]) => [key, (Array.isArray(value) ? value[0] : value) ?? ""]));
}
