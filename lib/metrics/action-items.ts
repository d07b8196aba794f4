// Postmortem action items as the metrics see them: when each was opened, closed and due.
import type { Period } from "./periods";

export interface ActionItemFacts {
  createdAt: Date;
  /** When it was marked done (or dropped); null while open. */
  closedAt: Date | null;
  dueAt: Date | null;
}

export interface ActionItemCounts {
  opened: number;
  closed: number;
  /** Past their due date and still open at the end of the period (or now, for the current one). */
  overdue: number;
}

export function actionItemCounts(items: readonly ActionItemFacts[], period: Period, now: Date): ActionItemCounts {
  // Nothing after `now` has happened yet, whatever the rows say.
  const asOf = Math.min(period.end.getTime(), now.getTime());
  const inPeriod = (date: Date) => date >= period.start && date.getTime() < asOf;
  const openAt = (item: ActionItemFacts) => item.createdAt.getTime() < asOf && (item.closedAt === null || item.closedAt.getTime() >= asOf);
  return {
    opened: items.filter((item) => inPeriod(item.createdAt)).length,
    closed: items.filter((item) => item.closedAt !== null && inPeriod(item.closedAt)).length,
    overdue: items.filter((item) => openAt(item) && item.dueAt !== null && item.dueAt.getTime() < asOf).length,
  };
}
