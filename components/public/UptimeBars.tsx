import type { UptimeView } from "@/lib/public/views";
import type { ComponentState, DayHistory } from "@/lib/timeline/types";
import { ENGLISH, type I18n } from "@/lib/i18n";

const BAR: Record<ComponentState, string> = { green: "bg-green-600", blue: "bg-blue-600", yellow: "bg-amber-500", red: "bg-red-600" };

/** Exact minutes in each state and the uptime, as the bar's tooltip and screen-reader text. */
export function describeDay(day: DayHistory, i18n: I18n = ENGLISH): string {
  const states = (["red", "yellow", "blue"] as const).filter((state) => day.durations[state] > 0);
  const detail = states.length
    ? states
        .map((state) =>
          i18n.t("uptime.stateMinutes", { state: i18n.t(`state.${state}`).toLocaleLowerCase(i18n.locale), minutes: Math.round(day.durations[state] / 60_000) }),
        )
        .join(", ")
    : i18n.t("uptime.noIncidents");
  return i18n.t("uptime.day", { day: day.day, detail, percent: i18n.percent(day.uptimePercent) });
}

export function UptimeBars({ uptime, label, i18n }: { uptime: UptimeView; label: string; i18n: I18n }) {
  const first = uptime.days[0]?.day;
  return (
    <div className="mt-4">
      <p className="flex justify-between text-sm">
        <span>{i18n.t("uptime.days", { days: uptime.days.length })}</span>
        <span data-uptime-percent={uptime.uptimePercent.toFixed(4)}>{i18n.percent(uptime.uptimePercent)}</span>
      </p>
      <ol
        aria-label={i18n.t("uptime.dailyStatus", { name: label, days: uptime.days.length })}
        data-as-of={uptime.asOf.toISOString()}
        className="mt-1 flex h-8 gap-px"
      >
        {uptime.days.map((day) => (
          <li
            key={day.day}
            data-day={day.day}
            data-worst={day.worst}
            data-minutes={`red=${Math.round(day.durations.red / 60_000)},yellow=${Math.round(day.durations.yellow / 60_000)},blue=${Math.round(day.durations.blue / 60_000)}`}
            title={describeDay(day, i18n)}
            className={`flex-1 rounded-sm ${BAR[day.worst]}`}
          >
            <span className="sr-only">{describeDay(day, i18n)}</span>
          </li>
        ))}
      </ol>
      <p className="mt-1 flex justify-between text-xs text-zinc-700 dark:text-zinc-300">
        <span>{first}</span>
        <span>{i18n.t("uptime.today")}</span>
      </p>
    </div>
  );
}
