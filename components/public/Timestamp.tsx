import { ENGLISH, type I18n } from "@/lib/i18n";

/** "about a year ago · Jun 30, 2012 03:49 UTC"; the time becomes the reader's zone when JS runs (unless the address chose one). */
export function Timestamp({ date, now, relative = true, i18n = ENGLISH }: { date: Date; now: Date; relative?: boolean; i18n?: I18n }) {
  return (
    <span className="text-sm text-zinc-700 dark:text-zinc-300">
      {relative && <>{i18n.relative(date, now)} · </>}
      <time dateTime={date.toISOString()} data-local="">
        {i18n.time(date)}
      </time>
    </span>
  );
}
