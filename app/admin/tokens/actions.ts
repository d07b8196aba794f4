"use server";
// Create and revoke API tokens; admins only, through runAdminAction, audited by the use-cases.
import { db } from "@/lib/db/client";
import { buttonAction, createWithSecret } from "@/lib/admin/form-action";
import { createApiToken, revokeApiToken } from "@/lib/auth/api-tokens";
import { createApiTokenSchema, revokeApiTokenSchema } from "@/lib/validation/api-tokens";

export const createTokenAction = createWithSecret(createApiTokenSchema, async (input, actor) => {
  const { token, summary } = await createApiToken(db(), actor, input, new Date());
  return { message: `Token ${summary.name} created. Copy it now: it is shown only this once.`, secret: token };
});

export const revokeTokenAction = buttonAction("admin", revokeApiTokenSchema, async ({ tokenId }, actor) => {
  await revokeApiToken(db(), actor, tokenId, new Date());
});
