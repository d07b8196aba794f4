import type { SystemStatus } from "@/lib/status/overview";
import { StatePill } from "@/components/StatePill";

const BORDER = { green: "border-green-700", blue: "border-blue-700", yellow: "border-amber-600", red: "border-red-700" } as const;

export function SystemCard({ system }: { system: SystemStatus }) {
  const headingId = `system-${system.slug}`;
  return (
    <section aria-labelledby={headingId} data-system={system.slug} className={`rounded-lg border-l-8 bg-white p-4 shadow-sm dark:bg-zinc-900 ${BORDER[system.state]}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {system.name}
        </h2>
        <StatePill state={system.state} />
      </div>
      {system.children.length > 0 && (
        <ul className="mt-3 divide-y divide-zinc-200 dark:divide-zinc-800">
          {system.children.map((child) => (
            <li key={child.id} data-component={child.slug} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{child.name}</span>
              <StatePill state={child.state} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
