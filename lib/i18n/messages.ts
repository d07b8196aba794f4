// The message catalogs (ICU MessageFormat, one JSON file per language) and `t()`, the one way a
// fixed text is looked up. Each message is compiled once per language and kept: a page render only
// formats.
import { IntlMessageFormat } from "intl-messageformat";
import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import fr from "./messages/fr.json";
import ja from "./messages/ja.json";
import type { Locale } from "./locales";

export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, string | number>;

// Typed against English: a language missing a key does not compile (tests also check extra keys and placeholders).
export const CATALOGS: Record<Locale, Record<MessageKey, string>> = { en, de, fr, es, ja };

const compiled = new Map<string, IntlMessageFormat>();

function formatter(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale} ${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGS[locale][key], locale);
    compiled.set(id, format);
  }
  return format;
}

/** The text of `key` in `locale`, with its placeholders filled. */
export function t(locale: Locale, key: MessageKey, values?: MessageValues): string {
  return String(formatter(locale, key).format(values));
}

/** The message as parts, for placeholders that are not text (e.g. a <time> element on a page). */
export function tParts<T>(locale: Locale, key: MessageKey, values: Record<string, string | number | T>): (string | T)[] {
  const formatted = formatter(locale, key).format<T>(values);
  return Array.isArray(formatted) ? formatted : [formatted];
}
