// Words for states, post types and maintenance phases in English, for the admin side (which stays
// English): the same words as the public pages' English catalog (lib/i18n), so no state is conveyed
// by colour alone and no word is written twice.
import { type MessageKey, t } from "@/lib/i18n";
import type { ComponentState, MaintenanceStatus, PostType } from "@/lib/timeline/types";

function english<K extends string>(prefix: string, keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((key) => [key, t("en", `${prefix}.${key}` as MessageKey)])) as Record<K, string>;
}

const STATES = ["green", "blue", "yellow", "red"] as const;

/** Words for each state, so no state is conveyed by colour alone. */
export const STATE_LABEL: Record<ComponentState, string> = english("state", STATES);

export const OVERALL_VERDICT: Record<ComponentState, string> = english("verdict", STATES);

export const POST_TYPE_LABEL: Record<PostType, string> = english("postType", ["investigating", "issue", "update", "resolved", "scheduled"]);

export const MAINTENANCE_LABEL: Record<MaintenanceStatus, string> = english("maintenance", ["upcoming", "in_progress", "completed"]);
