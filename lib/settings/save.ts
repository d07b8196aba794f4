// The one way a Setting row is written: the value (null removes the row, so the default applies
// again) and its `setting.update` audit event, in the caller's transaction.
import type { Prisma } from "@/generated/prisma-sqlite/client";
import { recordAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { InputError } from "@/lib/errors/input-error";

/** JSON with object keys sorted: PostgreSQL's jsonb reorders keys, so stored values compare as text only this way. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === "object" && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Saves `value` under `key` and audits the change. Saving what is already stored is refused with
 * "Nothing changed." on `field`, so a resubmitted form writes no empty audit event.
 * `audited` replaces the value in the audit log (e.g. an image's hash instead of its bytes).
 */
export async function saveSetting(
  tx: Tx,
  actor: Actor,
  key: string,
  value: Prisma.InputJsonValue | null,
  options: { field?: string; audited?: (value: unknown) => Prisma.InputJsonValue | null } = {},
): Promise<void> {
  const current = await tx.setting.findUnique({ where: { key } });
  const before = current ? current.value : null;
  if (canonicalJson(before) === canonicalJson(value)) throw new InputError(options.field ?? "form", "Nothing changed.");
  if (value === null) await tx.setting.delete({ where: { key } });
  else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  const audited = options.audited ?? ((stored: unknown) => stored as Prisma.InputJsonValue | null);
  await recordAudit(tx, {
    actor,
    action: "setting.update",
    targetType: "setting",
    targetId: key,
    before: { value: audited(before) },
    after: { value: audited(value) },
  });
}
