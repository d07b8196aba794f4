import { formatUtc } from "@/lib/text/format-time";
import { relativeTime } from "@/lib/text/relative-time";

/** "about a year ago · Jun 30, 2012 03:49 UTC"; the UTC part becomes local time when JS runs. */
export function Timestamp({ date, now, relative = true }: { date: Date; now: Date; relative?: boolean }) {
  return (
    <span className="text-sm text-zinc-700 dark:text-zinc-300">
      {relative && <>{relativeTime(date, now)} · </>}
      <time dateTime={date.toISOString()} data-local="">
        {formatUtc(date)}
      </time>
    </span>
  );
}
