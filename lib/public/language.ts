// Remembering a reader's language without making any cached answer vary by cookie. Pages in a
// language live at their own address (`?lang=de`, part of the answer's key); the cookie only
// decides where a bare address sends its reader, by a private 303 that no cache keeps.
//   GET /lang?set=de&return=/incidents/5 → Set-Cookie beacon-lang=de, 303 to /incidents/5?lang=de
//   GET /incidents/5 with that cookie    → 303 to /incidents/5?lang=de (Vary: Cookie, no-store)
import { localeSchema, type Locale } from "@/lib/i18n";
import { CONTENT_TYPES, type Rendered } from "@/lib/public/rendered";

export const LANGUAGE_COOKIE = "beacon-lang";
export const LANGUAGE_SWITCH_PATH = "/lang";
const ONE_YEAR_S = 365 * 24 * 60 * 60;

/** A local path only (never another site), with `lang` set; "/" for anything else. */
function returnAddress(value: string | null, lang: Locale): string {
  let url: URL;
  try {
    url = new URL(value ?? "/", "http://local");
  } catch {
    url = new URL("/", "http://local");
  }
  if (url.origin !== "http://local" || !value?.startsWith("/")) url = new URL("/", "http://local");
  url.searchParams.set("lang", lang);
  return `${url.pathname}${url.search}`;
}

function redirect(location: string, headers: Record<string, string>): Rendered {
  return {
    status: 303,
    body: `See ${location}`,
    contentType: CONTENT_TYPES.html.replace("html", "plain"),
    headers: { Location: location, "Cache-Control": "private, no-store", ...headers },
  };
}

/** The answer to `/lang?set=xx&return=PATH`: remember the language, go back to the page in it; null when `set` is not a language. */
export function languageSwitch(search: string): Rendered | null {
  const query = new URLSearchParams(search);
  const lang = localeSchema.safeParse(query.get("set"));
  if (!lang.success) return null;
  return redirect(returnAddress(query.get("return"), lang.data), {
    "Set-Cookie": `${LANGUAGE_COOKIE}=${lang.data}; Path=/; Max-Age=${ONE_YEAR_S}; SameSite=Lax; HttpOnly`,
  });
}

const LANGUAGE_COOKIE_VALUE = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([^;]*)`);

/**
 * The language a reader chose before (the cookie), if any. Asked on every page request, so a
 * request without the cookie costs a string search, not a failed validation and its error object.
 */
function rememberedLanguage(cookieHeader: string | undefined): Locale | null {
  if (!cookieHeader?.includes(LANGUAGE_COOKIE)) return null;
  const lang = localeSchema.safeParse(LANGUAGE_COOKIE_VALUE.exec(cookieHeader)?.[1]);
  return lang.success ? lang.data : null;
}

/** For a page address without `?lang=`: a private redirect to it in the remembered language, or null. */
export function rememberedLanguageRedirect(pathname: string, search: string, cookieHeader: string | undefined): Rendered | null {
  const lang = rememberedLanguage(cookieHeader);
  if (!lang) return null;
  return redirect(returnAddress(`${pathname}${search}`, lang), { Vary: "Cookie" });
}
