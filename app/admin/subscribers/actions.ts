"use server";
// Removing a subscriber: admins only, through buttonAction; back to the list afterwards.
import { redirect } from "next/navigation";
import * as z from "zod";
import { buttonAction } from "@/lib/admin/form-action";
import { db } from "@/lib/db/client";
import { removeSubscriber } from "@/lib/subscriptions/admin";

const removeSchema = z.object({ subscriberId: z.coerce.number().int().positive() });

const remove = buttonAction("admin", removeSchema, async ({ subscriberId }, actor) => {
  await removeSubscriber(db(), actor, subscriberId);
});

export async function removeSubscriberAction(formData: FormData): Promise<void> {
  await remove(formData);
  redirect("/admin/subscribers");
}
