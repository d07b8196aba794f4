// "about a year ago" — how long ago (or until) a time is, in English; other languages: lib/i18n.
import { ENGLISH } from "@/lib/i18n";

export function relativeTime(date: Date, now: Date): string {
  return ENGLISH.relative(date, now);
}
