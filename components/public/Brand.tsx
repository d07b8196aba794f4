// The page's brand in the document (lib/branding): link-preview tags, the accent colour, the name
// and logo in the header, the support link and the footer text. With the default brand it adds
// nothing but what the page always had.
import { type Brand, type BrandImage, brandImagePath } from "@/lib/branding/brand";

/** Open Graph and Twitter tags: a link shared during an outage previews as "Partial disruption — Example status". */
export function LinkPreview({ brand, title, description, url, baseUrl }: { brand: Brand; title: string; description: string; url: string; baseUrl: string }) {
  return (
    <>
      <meta property="og:type" content="website" />
      <meta property="og:site_name" content={brand.name} />
      <meta property="og:title" content={title} />
      <meta property="og:description" content={description} />
      <meta property="og:url" content={url} />
      {brand.logo && <meta property="og:image" content={`${baseUrl}${brandImagePath("logo", brand.logo)}`} />}
      <meta name="twitter:card" content="summary" />
    </>
  );
}

/**
 * The accent as a CSS custom property: a bar above the header, the page name (light scheme, where
 * its contrast was checked) and the support button. The value is a validated #rrggbb, and the page's
 * CSP allows inline styles.
 */
export function AccentStyle({ accent }: { accent: string | null }) {
  if (!accent) return null;
  const css = `:root{--beacon-accent:${accent}}body>header{border-top:4px solid var(--beacon-accent)}.brand-support{background:var(--beacon-accent);color:#fff;border-radius:.25rem;padding:.125rem .625rem}@media (prefers-color-scheme:light){.brand-name{color:var(--beacon-accent)}}@media print{body>header{border-top:0}}`;
  // biome-ignore lint/security/noDangerouslySetInnerHtml: built from a validated #rrggbb colour only
  return <style dangerouslySetInnerHTML={{ __html: css }} />;
}

const LOGO_HEIGHT = 32;

/** The logo at the header's height, its width kept in proportion (no layout shift while it loads). */
function Logo({ logo }: { logo: BrandImage }) {
  const width = Math.max(1, Math.round((logo.width / logo.height) * LOGO_HEIGHT));
  // The name beside it says what the link is, so the logo itself is decorative (alt="").
  // biome-ignore lint/performance/noImgElement: a static page rendered to a string, not a Next.js page
  return <img src={brandImagePath("logo", logo)} alt="" width={width} height={LOGO_HEIGHT} className="h-8 w-auto" />;
}

export function BrandName({ brand, href }: { brand: Brand; href: string }) {
  return (
    <a href={href} className={brand.logo ? "brand-name flex items-center gap-2 text-lg font-bold" : "brand-name text-lg font-bold"}>
      {brand.logo && <Logo logo={brand.logo} />}
      {brand.name}
    </a>
  );
}

export function SupportLink({ brand, label }: { brand: Brand; label: string }) {
  if (!brand.supportUrl) return null;
  return (
    <li>
      <a href={brand.supportUrl} className="brand-support underline-offset-2 hover:underline" rel="noopener">
        {label}
      </a>
    </li>
  );
}

export function FooterText({ brand }: { brand: Brand }) {
  return brand.footer ? <p className="mb-2">{brand.footer}</p> : null;
}
