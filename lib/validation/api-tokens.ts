// Inputs of API token management (admin UI).
import * as z from "zod";
import { singleLineText } from "@/lib/validation/text";
import { roleSchema } from "@/lib/validation/auth";

export const createApiTokenSchema = z.object({
  name: singleLineText()
    .min(1, "Name the token after what uses it, e.g. pagerduty.")
    .max(60, "Keep the name under 60 characters.")
    .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, dashes and underscores only (it appears as token:<name> in the audit log)."),
  role: roleSchema.refine((role) => role !== "viewer", "A token needs commander or admin rights; viewers cannot write."),
});
export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.coerce.number().int().positive() });
