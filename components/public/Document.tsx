import type { ComponentState } from "@/lib/timeline/types";
import { SkipLink } from "@/components/SkipLink";
import { LanguageAlternates, ReaderChoices } from "@/components/public/ReaderChoices";
import type { I18n } from "@/lib/i18n";
import { AccentStyle, BrandName, FooterText, LinkPreview, SupportLink } from "@/components/public/Brand";
import { type Brand, brandImagePath } from "@/lib/branding/brand";

export interface DocumentProps {
  title: string;
  description: string;
  /** Absolute URL of this page, for OpenGraph and the canonical link. */
  url: string;
  css: string;
  /** The overall state, drawn into the favicon; null when unknown. */
  faviconState: ComponentState | null;
  /** Reload gently while incidents are open. */
  autoRefresh: boolean;
  enhanceScript: string;
  feeds: { rss: string; atom: string; json: string };
  /** The page's language and zone; `path` is this page's address on the site, for the language links. */
  i18n: I18n;
  baseUrl: string;
  path: string;
  /** The page's name, logo, colour, links and footer; link previews' title and text. */
  brand: Brand;
  preview: { title: string; description: string };
  /** The subscribe form's address; absent when this site sends no mail. */
  subscribeHref?: string;
  children: React.ReactNode;
}

const FAVICON_COLOR: Record<ComponentState | "unknown", string> = {
  green: "#15803d",
  blue: "#1d4ed8",
  yellow: "#d97706",
  red: "#b91c1c",
  unknown: "#52525b",
};

function faviconHref(state: ComponentState | null): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><circle cx="8" cy="8" r="7" fill="${FAVICON_COLOR[state ?? "unknown"]}"/></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** The whole HTML document of a public page: no client framework, CSS inlined, one tiny optional script. */
export function Document(props: DocumentProps) {
  return (
    <html lang={props.i18n.locale} data-tz={props.i18n.choice.tz}>
      {/* biome-ignore lint/style/noHeadElement: a whole document rendered with renderToStaticMarkup, not a Next.js page */}
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        <meta name="description" content={props.description} />
        <link rel="canonical" href={props.url} />
        <LanguageAlternates baseUrl={props.baseUrl} path={props.path} />
        <LinkPreview brand={props.brand} title={props.preview.title} description={props.preview.description} url={props.url} baseUrl={props.baseUrl} />
        <meta name="color-scheme" content="light dark" />
        {props.brand.favicon ? (
          <link rel="icon" type={props.brand.favicon.type} href={brandImagePath("favicon", props.brand.favicon)} />
        ) : (
          <link rel="icon" type="image/svg+xml" href={faviconHref(props.faviconState)} />
        )}
        <link rel="alternate" type="application/rss+xml" title={props.i18n.t("site.feedTitle", { format: "RSS" })} href={props.feeds.rss} />
        <link rel="alternate" type="application/atom+xml" title={props.i18n.t("site.feedTitle", { format: "Atom" })} href={props.feeds.atom} />
        <link rel="alternate" type="application/feed+json" title={props.i18n.t("site.feedTitle", { format: "JSON Feed" })} href={props.feeds.json} />
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own stylesheet, built by scripts/build-public-css.ts */}
        <style dangerouslySetInnerHTML={{ __html: props.css }} />
        <AccentStyle accent={props.brand.accent} />
      </head>
      <body className="min-h-screen antialiased" data-auto-refresh={props.autoRefresh ? "60" : undefined}>
        <SkipLink label={props.i18n.t("site.skipToContent")} />
        <header className="border-b border-zinc-200 bg-white print:hidden dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-2 px-4 py-4">
            <BrandName brand={props.brand} href={props.i18n.href("/")} />
            <nav aria-label={props.i18n.t("site.mainNav")}>
              <ul className="flex gap-4">
                <li>
                  <a href={props.i18n.href("/")} className="underline-offset-2 hover:underline">
                    {props.i18n.t("site.currentStatus")}
                  </a>
                </li>
                <li>
                  <a href={props.i18n.href("/history")} className="underline-offset-2 hover:underline">
                    {props.i18n.t("site.history")}
                  </a>
                </li>
                <SupportLink brand={props.brand} label={props.i18n.t("site.support")} />
              </ul>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {props.children}
        </main>
        <footer className="mx-auto max-w-4xl px-4 pb-8 text-sm text-zinc-700 print:hidden dark:text-zinc-300">
          <FooterText brand={props.brand} />
          {props.i18n.t("site.followAlong")}{" "}
          <a className="underline" href={props.feeds.rss}>
            RSS
          </a>{" "}
          ·{" "}
          <a className="underline" href={props.feeds.atom}>
            Atom
          </a>{" "}
          ·{" "}
          <a className="underline" href={props.feeds.json}>
            JSON Feed
          </a>
          {props.subscribeHref && (
            <>
              {" · "}
              <a className="underline" href={props.subscribeHref}>
                {props.i18n.t("site.subscribe")}
              </a>
            </>
          )}
          <ReaderChoices path={props.path} i18n={props.i18n} />
        </footer>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: our own script, allowed by its hash in the page CSP */}
        <script dangerouslySetInnerHTML={{ __html: props.enhanceScript }} />
      </body>
    </html>
  );
}
