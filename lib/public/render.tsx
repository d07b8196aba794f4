// Renders a public page to a complete HTML string: React on the server only, no client framework.
import { renderToStaticMarkup } from "react-dom/server";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Document } from "@/components/public/Document";
import { ENHANCE_SCRIPT } from "@/lib/public/enhance-script";
import type { I18n } from "@/lib/i18n";
import { type Brand, DEFAULT_BRAND } from "@/lib/branding/brand";
import type { ComponentState } from "@/lib/timeline/types";
import { loadEnv } from "@/lib/runtime/env";

/** Built by `npm run build` (scripts/build-public-css.ts): Tailwind, purged to the public components. */
export const PUBLIC_CSS_FILE = "generated/public.css";

let css: string | undefined;
function publicCss(): string {
  css ??= readFileSync(path.resolve(process.cwd(), PUBLIC_CSS_FILE), "utf8");
  return css;
}

export interface PageMeta {
  title: string;
  description: string;
  path: string;
  faviconState: ComponentState | null;
  autoRefresh?: boolean;
  brand?: Brand;
  /** What a shared link previews (Open Graph); default: the title and description. */
  preview?: { title: string; description: string };
}

/** A site path with `?lang=` (the canonical address of a page in a chosen language). */
function withLanguage(path: string, lang: string): string {
  return `${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
}

export function renderDocument(meta: PageMeta, publicUrl: string, body: React.ReactNode, i18n: I18n): string {
  // Feeds follow the page's language when the address chose one.
  const feed = (format: string) => `${publicUrl}${i18n.choice.lang ? withLanguage(`/history.${format}`, i18n.choice.lang) : `/history.${format}`}`;
  const markup = renderToStaticMarkup(
    <Document
      title={meta.title}
      description={meta.description}
      url={`${publicUrl}${i18n.choice.lang ? withLanguage(meta.path, i18n.choice.lang) : meta.path}`}
      css={publicCss()}
      faviconState={meta.faviconState}
      autoRefresh={meta.autoRefresh ?? false}
      enhanceScript={ENHANCE_SCRIPT}
      feeds={{ rss: feed("rss"), atom: feed("atom"), json: feed("json") }}
      i18n={i18n}
      baseUrl={publicUrl}
      path={meta.path}
      brand={meta.brand ?? DEFAULT_BRAND}
      preview={meta.preview ?? { title: meta.title, description: meta.description }}
      subscribeHref={loadEnv().mail ? `${publicUrl}${i18n.href("/subscribe")}` : undefined}
    >
      {body}
    </Document>,
  );
  return `<!DOCTYPE html>${markup}`;
}
