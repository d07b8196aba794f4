import type { ComponentState } from "@/lib/timeline/types";
import { ENGLISH, type I18n } from "@/lib/i18n";

const STYLE: Record<ComponentState, string> = {
  green: "bg-green-100 text-green-900 ring-green-700 dark:bg-green-950 dark:text-green-100 dark:ring-green-400",
  blue: "bg-blue-100 text-blue-900 ring-blue-700 dark:bg-blue-950 dark:text-blue-100 dark:ring-blue-400",
  yellow: "bg-amber-100 text-amber-950 ring-amber-700 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-400",
  red: "bg-red-100 text-red-900 ring-red-700 dark:bg-red-950 dark:text-red-100 dark:ring-red-400",
};

export function StatePill({ state, i18n = ENGLISH }: { state: ComponentState; i18n?: I18n }) {
  return (
    <span data-state={state} className={`inline-flex items-center gap-1.5 rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLE[state]}`}>
      <span aria-hidden="true" className="size-2 rounded-full bg-current" />
      {i18n.t(`state.${state}`)}
    </span>
  );
}
