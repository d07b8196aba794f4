// The "Your page" section of /admin/settings: the brand readers see (name, accent colour, support
// link, footer text, logo, favicon). Every field empty: the page looks as Beacon does by default.
import { type Brand, brandImagePath, DEFAULT_PAGE_NAME } from "@/lib/branding/brand";
import { MAX_IMAGE_BYTES } from "@/lib/branding/images";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { brandImageAction, updateBrandAction } from "./brand-actions";
import { BrandImageForm } from "./BrandImageForm";

const IMAGE_HINT = `PNG, JPEG, WebP or SVG, at most ${MAX_IMAGE_BYTES / 1024} KB, 16 to 2048 pixels a side. SVG is cleaned: scripts, links, external references and embedded HTML are removed.`;

export function YourPage({ brand }: { brand: Brand }) {
  return (
    <AdminSection id="your-page-heading" title="Your page">
      <p>
        What readers see on the <a href="/">public page</a>, its feeds and its APIs. Leave a field empty for Beacon&apos;s default.
      </p>
      <AdminForm
        action={updateBrandAction}
        submitLabel="Save your page"
        idPrefix="brand-"
        fields={[
          { kind: "text", name: "name", label: "Page name", value: brand.name === DEFAULT_PAGE_NAME ? "" : brand.name, hint: `Default: ${DEFAULT_PAGE_NAME}.` },
          {
            kind: "text",
            name: "accent",
            label: "Accent colour",
            value: brand.accent ?? "",
            hint: "A hex code such as #1d4ed8. It colours the header bar, the page name and the support button, so it needs a contrast of at least 4.5:1 (WCAG AA) on the page and under white text.",
          },
          {
            kind: "text",
            name: "supportUrl",
            label: "Support link",
            value: brand.supportUrl ?? "",
            hint: "An https:// address, shown as “Support” in the header.",
          },
          { kind: "text", name: "footer", label: "Footer text", value: brand.footer ?? "", hint: "Plain text, at most 280 characters." },
        ]}
      />
      <BrandImageForm
        action={brandImageAction}
        kind="logo"
        label="Logo"
        hint={`Shown beside the page name and in link previews. ${IMAGE_HINT}`}
        current={brand.logo ? { src: brandImagePath("logo", brand.logo), alt: "Current logo" } : null}
      />
      <BrandImageForm
        action={brandImageAction}
        kind="favicon"
        label="Favicon"
        hint={`The browser tab's icon; without one, a dot in the colour of the current status. ${IMAGE_HINT}`}
        current={brand.favicon ? { src: brandImagePath("favicon", brand.favicon), alt: "Current favicon" } : null}
      />
    </AdminSection>
  );
}
