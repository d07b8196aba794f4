"use server";
// Create and revoke API tokens; admins only, through runAdminAction, audited by the use-cases.
import { db } from "@/lib/db/client";
import { buttonAction, serverAction } from "@/lib/admin/form-action";
import type { FormState } from "@/lib/admin/form-state";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";

export interface TokenFormState extends FormState {
  /** The new token's secret: in this one response only. */
  token?: string;
}

export const createTokenAction = serverAction({
  role: "admin",
  schema: createApiTokenSchema,
  run: async (input, actor): Promise<TokenFormState> => {
    const { token, summary } = await createApiToken(db(), actor, input, new Date());
    return { status: "ok", message: `Token ${summary.name} created. Copy it now: it is shown only this once.`, token };
  },
});

export const revokeTokenAction = buttonAction("admin", revokeApiTokenSchema, async ({ tokenId }, actor) => {
  await revokeApiToken(db(), actor, tokenId, new Date());
});
