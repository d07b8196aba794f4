import { connection } from "next/server";
import { db } from "@/lib/db/client";
import { loadStatusOverview } from "@/lib/status/overview";
import { SystemCard } from "@/components/SystemCard";
import { OVERALL_VERDICT } from "@/components/state-labels";
import { formatUtc } from "@/lib/format-time";

export default async function HomePage() {
  await connection();
  const now = new Date();
  const overview = await loadStatusOverview(db(), now);

  if (!overview.known) {
    return (
      <div role="alert" className="rounded-lg border-l-8 border-zinc-600 bg-white p-4 dark:bg-zinc-900">
        <h1 className="text-2xl font-bold">Status unknown</h1>
        <p className="mt-2">{overview.reason} We are not claiming all systems are operational.</p>
        <p className="mt-2 text-sm">Checked {formatUtc(overview.asOf)}</p>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold" data-overall={overview.overall}>
        {OVERALL_VERDICT[overview.overall]}
      </h1>
      <div className="grid gap-4 md:grid-cols-2">
        {overview.systems.map((system) => (
          <SystemCard key={system.id} system={system} />
        ))}
      </div>
      {overview.openIncidents.length > 0 && (
        <section aria-labelledby="open-incidents">
          <h2 id="open-incidents" className="text-xl font-semibold">
            Open incidents
          </h2>
          <ul className="mt-2 list-disc pl-6">
            {overview.openIncidents.map((incident) => (
              <li key={incident.id}>
                #{incident.number} {incident.title}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Last updated {formatUtc(overview.asOf)}</p>
    </div>
  );
}
