"use server";
// The admin's test mail: to one address, through the configured transport, answered in the form.
import * as z from "zod";
import { formAction } from "@/lib/admin/form-action";
import { loadBrand } from "@/lib/branding/settings";
import { db } from "@/lib/db/client";
import { sendTestMail } from "@/lib/mail/admin";
import { emailSchema } from "@/lib/subscriptions/validation";

export const sendTestMailAction = formAction("admin", z.object({ to: emailSchema }), async ({ to }) => {
  const { ok, message } = await sendTestMail(to, (await loadBrand(db())).name);
  return { status: ok ? "ok" : "error", message, values: { to } };
});
