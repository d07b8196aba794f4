import { formatUtc } from "@/lib/format-time";

/** Shown instead of a verdict whenever the live state could not be read: never a false green. */
export function StatusUnknown({ lastUpdated }: { lastUpdated: Date | null }) {
  return (
    <div role="alert" data-status-unknown="" className="rounded-lg border-l-8 border-zinc-600 bg-white p-4 dark:bg-zinc-900">
      <h1 className="text-2xl font-bold">Status unknown{lastUpdated ? ` — last updated ${formatUtc(lastUpdated)}` : ""}</h1>
      <p className="mt-2">
        We cannot read the current status right now, so we are not claiming that all systems are operational.
        {lastUpdated ? " Below is the last status we could read; it may be out of date." : " Please try again in a moment."}
      </p>
    </div>
  );
}
