import type { SystemView } from "@/lib/public/views";
import { StatePill } from "@/components/public/StatePill";
import { UptimeBars } from "@/components/public/UptimeBars";
import type { I18n } from "@/lib/i18n";

const BORDER = { green: "border-green-700", blue: "border-blue-700", yellow: "border-amber-600", red: "border-red-700" } as const;

/** A system's box, as on Heroku's status site: its state, its sub-components and 90 days of bars. */
export function SystemCard({ system, i18n }: { system: SystemView; i18n: I18n }) {
  const { component, state, children, uptime } = system;
  const headingId = `system-${component.slug}`;
  return (
    <section
      aria-labelledby={headingId}
      data-system={component.slug}
      className={`rounded-lg border-l-8 bg-white p-4 shadow-sm dark:bg-zinc-900 ${BORDER[state]}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          <a href={i18n.href(`/components/${component.slug}`)} className="hover:underline">
            {component.name}
          </a>
        </h2>
        <StatePill state={state} i18n={i18n} />
      </div>
      {children.length > 0 && (
        <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
          {children.map((child) => (
            <li key={child.component.id} data-component={child.component.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <a href={i18n.href(`/components/${child.component.slug}`)} className="hover:underline">
                {child.component.name}
              </a>
              <StatePill state={child.state} i18n={i18n} />
            </li>
          ))}
        </ul>
      )}
      <UptimeBars uptime={uptime} label={component.name} i18n={i18n} />
    </section>
  );
}
