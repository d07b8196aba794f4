"use server";
// Register, pause/resume and delete webhook endpoints; admins only, through runAdminAction.
import { revalidatePath } from "next/cache";
import * as z from "zod";
import { db } from "@/lib/db/client";
import { runAdminAction } from "@/lib/admin/action";
import type { FormState } from "@/lib/admin/form-state";
import { throwIfUnavailable } from "@/lib/admin/unavailable";
import { requireRole } from "@/lib/auth/request";
import { createWebhookEndpoint, deleteWebhookEndpoint, setWebhookEnabled } from "@/lib/webhooks/endpoints";
import { createWebhookSchema, webhookIdSchema } from "@/lib/validation/webhooks";

export interface WebhookFormState extends FormState {
  /** The signing secret: shown in this one response. */
  secret?: string;
}

const asAction = (minRole: Parameters<typeof requireRole>[0]) => requireRole(minRole, "action");

export async function createWebhookAction(_previous: WebhookFormState, formData: FormData): Promise<WebhookFormState> {
  return runAdminAction(
    {
      role: "admin",
      schema: createWebhookSchema,
      run: async (input, actor): Promise<WebhookFormState> => {
        const { secret } = await createWebhookEndpoint(db(), actor, input);
        revalidatePath("/admin/webhooks");
        return { status: "ok", message: `Endpoint ${input.name} registered. Keep the signing secret: it is shown only this once.`, secret };
      },
    },
    asAction,
    formData,
  );
}

const toggleSchema = webhookIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

export async function setWebhookEnabledAction(formData: FormData): Promise<void> {
  const state = await runAdminAction(
    {
      role: "admin",
      schema: toggleSchema,
      run: async ({ endpointId, enabled }, actor) => {
        await setWebhookEnabled(db(), actor, endpointId, enabled, new Date());
        return { status: "ok" };
      },
    },
    asAction,
    formData,
  );
  throwIfUnavailable(state);
  revalidatePath("/admin/webhooks", "layout");
}

export async function deleteWebhookAction(formData: FormData): Promise<void> {
  const state = await runAdminAction(
    {
      role: "admin",
      schema: webhookIdSchema,
      run: async ({ endpointId }, actor) => {
        await deleteWebhookEndpoint(db(), actor, endpointId);
        return { status: "ok" };
      },
    },
    asAction,
    formData,
  );
  throwIfUnavailable(state);
  revalidatePath("/admin/webhooks", "layout");
}
