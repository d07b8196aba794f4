import type { UptimeView } from "@/lib/public/views";
import type { ComponentState, DayHistory } from "@/lib/timeline/types";
import { STATE_LABEL } from "@/lib/text/labels";

const BAR: Record<ComponentState, string> = { green: "bg-green-600", blue: "bg-blue-600", yellow: "bg-amber-500", red: "bg-red-600" };

function minutes(ms: number): string {
  return `${Math.round(ms / 60_000)} min`;
}

/** Exact minutes in each state and the uptime, as the bar's tooltip and screen-reader text. */
export function describeDay(day: DayHistory): string {
  const states = (["red", "yellow", "blue"] as const).filter((state) => day.durations[state] > 0);
  const detail = states.length ? states.map((state) => `${STATE_LABEL[state].toLowerCase()} ${minutes(day.durations[state])}`).join(", ") : "no incidents";
  return `${day.day}: ${detail}; uptime ${formatPercent(day.uptimePercent)}`;
}

export function formatPercent(value: number): string {
  return `${value === 100 ? "100" : value.toFixed(2)}%`;
}

export function UptimeBars({ uptime, label }: { uptime: UptimeView; label: string }) {
  const first = uptime.days[0]?.day;
  return (
    <div className="mt-4">
      <p className="flex justify-between text-sm">
        <span>{uptime.days.length}-day uptime</span>
        <span data-uptime-percent={uptime.uptimePercent.toFixed(4)}>{formatPercent(uptime.uptimePercent)}</span>
      </p>
      <ol aria-label={`${label}: daily status for the last ${uptime.days.length} days`} data-as-of={uptime.asOf.toISOString()} className="mt-1 flex h-8 gap-px">
        {uptime.days.map((day) => (
          <li
            key={day.day}
            data-day={day.day}
            data-worst={day.worst}
            data-minutes={`red=${Math.round(day.durations.red / 60_000)},yellow=${Math.round(day.durations.yellow / 60_000)},blue=${Math.round(day.durations.blue / 60_000)}`}
            title={describeDay(day)}
            className={`flex-1 rounded-sm ${BAR[day.worst]}`}
          >
            <span className="sr-only">{describeDay(day)}</span>
          </li>
        ))}
      </ol>
      <p className="mt-1 flex justify-between text-xs text-zinc-700 dark:text-zinc-300">
        <span>{first}</span>
        <span>today</span>
      </p>
    </div>
  );
}
