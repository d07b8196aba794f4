"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formValues, invalid, type FormState } from "@/lib/admin/form-state";
import { withDatabaseUnavailable } from "@/lib/admin/unavailable";
import { setSignInCookies, signInRequest } from "@/lib/auth/request";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { signIn } from "@/lib/auth/sign-in";
import { sessionSecret } from "@/lib/runtime/secrets";
import { signInSchema } from "@/lib/validation/auth";

const SIGN_IN_UNAVAILABLE = "Signing in is unavailable: Beacon cannot reach its database. Try again in a minute.";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { email } = formValues(formData);
  const kept = { email: typeof email === "string" ? email : "" };
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error, kept);
  return withDatabaseUnavailable(
    kept,
    async () => {
      const result = await signIn(db(), parsed.data, await signInRequest(), new Date(), sessionSecret());
      if (!result.ok) return { status: "error", message: result.message, values: kept };
      await setSignInCookies(result.token, result.deviceCookie);
      redirect(safeReturnPath(formValues(formData)[RETURN_PARAM]));
    },
    SIGN_IN_UNAVAILABLE,
  );
}
