// The static export (`npm run snapshot -- --out DIR`) writes files any web server hands to anyone:
// a private site is exported only when the operator says so with --include-private.
import { loadAccessConfig } from "@/lib/access/config";
import type { Tx } from "@/lib/db/client";

export const INCLUDE_PRIVATE_FLAG = "--include-private";

/** Why the export must not run, or null. */
export async function exportRefusal(db: Tx, includePrivate: boolean): Promise<string | null> {
  if (includePrivate || !(await loadAccessConfig(db)).private) return null;
  return `this status page is private: its export would be public wherever DIR is served. Add ${INCLUDE_PRIVATE_FLAG} to export it anyway, and keep DIR private.`;
}
