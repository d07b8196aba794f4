// The page's brand as readers see it: name, accent colour, support link, footer text, logo and
// favicon. Stored as one Setting row (BRAND_KEY); the images' bytes in rows of their own, so a page
// render reads a few hundred bytes, never the logo. Without a row, the page looks as it always did.
import * as z from "zod";

export const BRAND_KEY = "brand";

export const BRAND_IMAGE_KINDS = ["logo", "favicon"] as const;
export type BrandImageKind = (typeof BRAND_IMAGE_KINDS)[number];

/** The Setting row holding an image's bytes (base64), read only by its own endpoint. */
export const brandImageKey = (kind: BrandImageKind): `brand.${BrandImageKind}` => `brand.${kind}`;

export const BRAND_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/svg+xml"] as const;
export type BrandImageType = (typeof BRAND_IMAGE_TYPES)[number];

/** An image's own row: its type and its bytes as served (base64). */
export const storedImageSchema = z.object({ type: z.enum(BRAND_IMAGE_TYPES), base64: z.string() });
export type StoredImage = z.infer<typeof storedImageSchema>;

export const DEFAULT_PAGE_NAME = "Beacon status";

const brandImageSchema = z.object({
  type: z.enum(BRAND_IMAGE_TYPES),
  /** SHA-256 of the bytes served: the image's ETag and its cache-busting `?v=`. */
  hash: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type BrandImage = z.infer<typeof brandImageSchema>;

/** The stored brand; every field may be missing (its default applies). */
export const storedBrandSchema = z.object({
  name: z.string().min(1).max(60).optional(),
  accent: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .optional(),
  supportUrl: z.url({ protocol: /^https?$/ }).optional(),
  footer: z.string().max(280).optional(),
  logo: brandImageSchema.optional(),
  favicon: brandImageSchema.optional(),
});
export type StoredBrand = z.infer<typeof storedBrandSchema>;

export interface Brand {
  name: string;
  accent: string | null;
  supportUrl: string | null;
  footer: string | null;
  logo: BrandImage | null;
  favicon: BrandImage | null;
}

export const DEFAULT_BRAND: Brand = { name: DEFAULT_PAGE_NAME, accent: null, supportUrl: null, footer: null, logo: null, favicon: null };

/** A stored value as the brand; one that no longer validates is the default rather than a broken page. */
export function brandFrom(stored: unknown): Brand {
  const parsed = storedBrandSchema.safeParse(stored ?? {});
  if (!parsed.success) return DEFAULT_BRAND;
  const { name, accent, supportUrl, footer, logo, favicon } = parsed.data;
  return {
    name: name ?? DEFAULT_PAGE_NAME,
    accent: accent ?? null,
    supportUrl: supportUrl ?? null,
    footer: footer ?? null,
    logo: logo ?? null,
    favicon: favicon ?? null,
  };
}

/** The path of an image's endpoint, versioned by its hash so a new upload is never served from a stale cache. */
export function brandImagePath(kind: BrandImageKind, image: BrandImage): string {
  return `/brand/${kind}?v=${image.hash.slice(0, 12)}`;
}
