"use server";
// Create and revoke API tokens; admins only, through runAdminAction, audited by the use-cases.
import { revalidatePath } from "next/cache";
import { db } from "@/lib/db/client";
import { runAdminAction } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { throwIfUnavailable } from "@/lib/admin/unavailable";
import { requireRole } from "@/lib/auth/request";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";

export interface TokenFormState extends FormState {
  /** The new token's secret: in this one response only. */
  token?: string;
}

const asAction = (minRole: Parameters<typeof requireRole>[0]) => requireRole(minRole, "action");

export async function createTokenAction(_previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  return runAdminAction(
    {
      role: "admin",
      schema: createApiTokenSchema,
      run: async (input, actor): Promise<TokenFormState> => {
        const { token, summary } = await createApiToken(db(), actor, input, new Date());
        revalidatePath("/admin/tokens");
        return { status: "ok", message: `Token ${summary.name} created. Copy it now: it is shown only this once.`, token };
      },
    },
    asAction,
    formData,
  );
}

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const state = await runAdminAction(
    {
      role: "admin",
      schema: revokeApiTokenSchema,
      run: async ({ tokenId }, actor) => {
        await revokeApiToken(db(), actor, tokenId, new Date());
        return { status: "ok" };
      },
    },
    asAction,
    formData,
  );
  throwIfUnavailable(state);
  revalidatePath("/admin/tokens");
}
