import type { ComponentRow } from "@/lib/timeline/types";
import type { ComponentDurations, ComponentState } from "@/lib/timeline/types";
import type { I18n } from "@/lib/i18n";

const SEGMENT: Record<ComponentState, string> = { green: "bg-green-600", blue: "bg-blue-600", yellow: "bg-amber-500", red: "bg-red-600" };
const SHOWN = ["red", "yellow", "blue"] as const;

/** "Production — red 5h · yellow 8h", with a small bar of the same intervals over the incident's span. */
export function DurationList({
  durations,
  components,
  span,
  i18n,
}: {
  durations: ComponentDurations[];
  components: ComponentRow[];
  span: { start: Date; end: Date };
  i18n: I18n;
}) {
  const byId = new Map(components.map((component) => [component.id, component]));
  const total = Math.max(1, span.end.getTime() - span.start.getTime());
  return (
    <ul className="space-y-3" data-durations="">
      {durations.map(({ componentId, durations: spent, intervals }) => {
        const component = byId.get(componentId);
        if (!component) return null;
        const parts = SHOWN.filter((state) => spent[state] > 0).map((state) => `${i18n.t(`stateColour.${state}`)} ${i18n.duration(spent[state])}`);
        return (
          <li key={componentId} data-component-durations={component.slug}>
            <p>
              <span className="font-medium">{component.name}</span> — {parts.length ? parts.join(" · ") : i18n.t("incident.noChange")}
            </p>
            <div aria-hidden="true" className="relative mt-1 h-2 w-full overflow-hidden rounded bg-green-600/30 print:border print:border-black">
              {intervals.map((interval) => (
                <span
                  key={`${interval.start.getTime()}-${interval.state}`}
                  className={`absolute inset-y-0 ${SEGMENT[interval.state]}`}
                  style={{
                    left: `${(((interval.start.getTime() - span.start.getTime()) / total) * 100).toFixed(3)}%`,
                    width: `${(((interval.end.getTime() - interval.start.getTime()) / total) * 100).toFixed(3)}%`,
                  }}
                />
              ))}
            </div>
            <p className="sr-only">{i18n.t("incident.outsidePeriods", { state: i18n.t("state.green") })}</p>
          </li>
        );
      })}
    </ul>
  );
}
