import { formatUtc } from "@/lib/text/format-time";

/**
 * Shown instead of a verdict whenever the live state could not be read: never a false green.
 * With a time, what follows on the page is the last status Beacon read (from memory or from the
 * snapshot in data/snapshot/), labelled as such.
 */
export function StatusUnknown({ lastUpdated }: { lastUpdated: Date | null }) {
  return (
    <div role="alert" data-status-unknown="" className="rounded-lg border-l-8 border-zinc-600 bg-white p-4 dark:bg-zinc-900">
      <h1 className="text-2xl font-bold">Status unknown</h1>
      {lastUpdated ? (
        <p className="mt-2 font-semibold" data-last-known={lastUpdated.toISOString()}>
          Showing the last known status from {formatUtc(lastUpdated)} — live data unavailable.
        </p>
      ) : null}
      <p className="mt-2">
        We cannot read the current status right now, so we are not claiming that all systems are operational.
        {lastUpdated ? " What follows may be out of date." : " Please try again in a moment."}
      </p>
    </div>
  );
}
