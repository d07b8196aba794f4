import { ENGLISH, type I18n } from "@/lib/i18n";

/**
 * Shown instead of a verdict whenever the live state could not be read: never a false green.
 * With a time, what follows on the page is the last status Beacon read (from memory or from the
 * snapshot in data/snapshot/), labelled as such.
 */
export function StatusUnknown({ lastUpdated, i18n = ENGLISH }: { lastUpdated: Date | null; i18n?: I18n }) {
  return (
    <div role="alert" data-status-unknown="" className="rounded-lg border-l-8 border-zinc-600 bg-white p-4 dark:bg-zinc-900">
      <h1 className="text-2xl font-bold">{i18n.t("unknown.heading")}</h1>
      {lastUpdated ? (
        <p className="mt-2 font-semibold" data-last-known={lastUpdated.toISOString()}>
          {i18n.t("unknown.lastKnown", { time: i18n.time(lastUpdated) })}
        </p>
      ) : null}
      <p className="mt-2">
        {i18n.t("unknown.explanation")} {lastUpdated ? i18n.t("unknown.outOfDate") : i18n.t("unknown.tryAgain")}
      </p>
    </div>
  );
}
