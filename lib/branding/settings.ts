// The admin's use-cases for the brand: read it, change the texts and colour, upload or remove the
// logo and favicon. Each is one transaction with its audit event (saveSetting), then every public
// answer is made anew (invalidatePublicViews), so the page, feeds, APIs and snapshot follow at once.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import { authorize, type Actor } from "@/lib/auth/roles";
import { BRAND_KEY, type Brand, type BrandImageKind, brandFrom, brandImageKey, type StoredBrand, storedBrandSchema } from "@/lib/branding/brand";
import { checkImage } from "@/lib/branding/images";
import type { Db, Tx } from "@/lib/db/client";
import { invalidatePublicViews } from "@/lib/events/public-views";
import { saveSetting } from "@/lib/settings/save";
import type { BrandFormInput } from "@/lib/validation/branding";

export async function loadBrand(db: Db): Promise<Brand> {
  const row = await db.setting.findUnique({ where: { key: BRAND_KEY } });
  return brandFrom(row?.value);
}

async function storedBrand(tx: Tx): Promise<StoredBrand> {
  const row = await tx.setting.findUnique({ where: { key: BRAND_KEY } });
  const parsed = storedBrandSchema.safeParse(row?.value ?? {});
  return parsed.success ? parsed.data : {};
}

/** Without any field left the row goes, and the page is Beacon's default again. */
function withoutEmpty(brand: StoredBrand): Prisma.InputJsonValue | null {
  const kept = Object.fromEntries(Object.entries(brand).filter(([, value]) => value !== undefined && value !== null));
  return Object.keys(kept).length > 0 ? kept : null;
}

export async function updateBrand(db: Db, actor: Actor | null, input: BrandFormInput): Promise<void> {
  const admin = authorize(actor, "admin");
  await db.$transaction(async (tx) => {
    const { logo, favicon } = await storedBrand(tx);
    const texts = {
      name: input.name ?? undefined,
      accent: input.accent ?? undefined,
      supportUrl: input.supportUrl ?? undefined,
      footer: input.footer ?? undefined,
    };
    await saveSetting(tx, admin, BRAND_KEY, withoutEmpty({ ...texts, logo, favicon }));
  });
  invalidatePublicViews();
}

/** Uploads (bytes) or removes (null) the logo or the favicon; the audit log records the image's hash, not its bytes. */
export async function setBrandImage(db: Db, actor: Actor | null, kind: BrandImageKind, bytes: Buffer | null): Promise<void> {
  const admin = authorize(actor, "admin");
  const checked = bytes ? checkImage(bytes, kind) : null;
  await db.$transaction(async (tx) => {
    const brand = await storedBrand(tx);
    await saveSetting(tx, admin, BRAND_KEY, withoutEmpty({ ...brand, [kind]: checked?.image }), { field: kind });
    const key = brandImageKey(kind);
    if (checked) {
      const value = { type: checked.image.type, base64: checked.bytes.toString("base64") };
      await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    } else await tx.setting.deleteMany({ where: { key } });
  });
  invalidatePublicViews();
}
