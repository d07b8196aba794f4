"use server";
// Anonymous by nature (no user exists yet), so like sign-in it does not go through formAction's
// requireRole: the setup code and its throttle are the check (lib/auth/first-admin.ts).
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formValues, invalid, type FormState } from "@/lib/admin/form-state";
import { withDatabaseUnavailable } from "@/lib/admin/unavailable";
import { createFirstAdmin } from "@/lib/auth/first-admin";
import { requestMeta, setSignInCookies } from "@/lib/auth/request";
import { sessionSecret } from "@/lib/runtime/secrets";
import { firstAdminSchema } from "@/lib/validation/auth";

const SETUP_UNAVAILABLE = "Setting up is unavailable: Beacon cannot reach its database. Try again in a minute.";

export async function setupAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  // Everything typed comes back except the password.
  const kept = Object.fromEntries(["code", "name", "email"].map((name) => [name, typeof values[name] === "string" ? values[name] : ""]));
  const parsed = firstAdminSchema.safeParse(values);
  if (!parsed.success) return invalid(parsed.error, kept);
  return withDatabaseUnavailable(
    kept,
    async () => {
      const result = await createFirstAdmin(db(), parsed.data, await requestMeta(), new Date(), sessionSecret());
      if (!result.ok && result.reason === "done") redirect("/admin/login");
      if (!result.ok) return { status: "error", message: result.message, fieldErrors: { code: result.message }, values: kept };
      await setSignInCookies(result.token, result.deviceCookie);
      redirect("/admin");
    },
    SETUP_UNAVAILABLE,
  );
}
