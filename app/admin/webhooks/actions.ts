"use server";
// Register, pause/resume and delete webhook endpoints; admins only, through runAdminAction.
import { redirect } from "next/navigation";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { buttonAction, createWithSecret } from "@/lib/admin/form-action";
import { createWebhookEndpoint, deleteWebhookEndpoint, setWebhookEnabled } from "@/lib/webhooks/endpoints";
import { createWebhookSchema, webhookIdSchema } from "@/lib/validation/webhooks";

export const createWebhookAction = createWithSecret(createWebhookSchema, async (input, actor) => {
  const { secret } = await createWebhookEndpoint(db(), actor, input);
  return { message: `Endpoint ${input.name} registered. Keep the signing secret: it is shown only this once.`, secret };
});

const toggleSchema = webhookIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

export const setWebhookEnabledAction = buttonAction("admin", toggleSchema, async ({ endpointId, enabled }, actor) => {
  await setWebhookEnabled(db(), actor, endpointId, enabled, new Date());
});

const deleteEndpoint = buttonAction("admin", webhookIdSchema, async ({ endpointId }, actor) => {
  await deleteWebhookEndpoint(db(), actor, endpointId);
});

/** Deleted from its own page: back to the list, since the page is gone. */
export async function deleteWebhookAction(formData: FormData): Promise<void> {
  await deleteEndpoint(formData);
  redirect("/admin/webhooks");
}
