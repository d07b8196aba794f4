// What the public side's POST forms (subscriptions, a private site's sign-in) share: reading a
// bounded body, and the page their answer is written as — the site's address, the form page's
// language (its action keeps `?lang`/`?tz`, else the page's default language) and the brand.
import type { IncomingMessage } from "node:http";
import type { Brand } from "@/lib/branding/brand";
import { type I18n, i18nFor, localeSchema, type ReaderChoice, timeZoneSchema } from "@/lib/i18n";
import { readBrand, readPageLanguage } from "@/lib/public/read";
import { loadEnv } from "@/lib/runtime/env";

/** What a form's answer page needs: the site's address, the reader's language and the page's brand. */
export interface PageContext {
  baseUrl: string;
  i18n: I18n;
  brand?: Brand;
}

/** The body as text; null when it is larger than `maxBytes` (the rest is read and dropped, so the client still gets its 413 answer). */
export function readFormBody(request: IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    request.on("end", () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** The form page's `?lang`/`?tz` (an invalid one is no choice: a form answer is never a 400 for it), else the page's default language. */
export async function formPageOf(query: URLSearchParams): Promise<PageContext> {
  const lang = localeSchema.safeParse(query.get("lang"));
  const tz = timeZoneSchema.safeParse(query.get("tz") ?? "");
  const choice: ReaderChoice = { ...(lang.success ? { lang: lang.data } : {}), ...(tz.success ? { tz: tz.data } : {}) };
  const [pageLanguage, brand] = await Promise.all([choice.lang ?? readPageLanguage(), readBrand()]);
  return { baseUrl: loadEnv().publicUrl, i18n: i18nFor(choice, pageLanguage), brand };
}
