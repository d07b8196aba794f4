// Renders a public page to a complete HTML string: React on the server only, no client framework.
import { renderToStaticMarkup } from "react-dom/server";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Document } from "@/components/public/Document";
import { ENHANCE_SCRIPT } from "@/lib/public/enhance-script";
import type { ComponentState } from "@/lib/timeline/types";

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
}

export function renderDocument(meta: PageMeta, publicUrl: string, body: React.ReactNode): string {
  const markup = renderToStaticMarkup(
    <Document
      title={meta.title}
      description={meta.description}
      url={`${publicUrl}${meta.path}`}
      css={publicCss()}
      faviconState={meta.faviconState}
      autoRefresh={meta.autoRefresh ?? false}
      enhanceScript={ENHANCE_SCRIPT}
      feeds={{ rss: `${publicUrl}/history.rss`, atom: `${publicUrl}/history.atom`, json: `${publicUrl}/history.json` }}
    >
      {body}
    </Document>,
  );
  return `<!DOCTYPE html>${markup}`;
}
