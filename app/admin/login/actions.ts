"use server";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { formValues, invalid, type FormState } from "@/lib/admin/form-state";
import { requestMeta, setSessionCookie } from "@/lib/auth/request";
import { RETURN_PARAM, safeReturnPath } from "@/lib/auth/return-path";
import { signIn } from "@/lib/auth/sign-in";
import { signInSchema } from "@/lib/validation/auth";

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const { email } = formValues(formData);
  const kept = { email: typeof email === "string" ? email : "" };
  const parsed = signInSchema.safeParse(formValues(formData));
  if (!parsed.success) return invalid(parsed.error, kept);
  const result = await signIn(db(), parsed.data, await requestMeta(), new Date());
  if (!result.ok) return { status: "error", message: result.message, values: kept };
  await setSessionCookie(result.token);
  redirect(safeReturnPath(formValues(formData)[RETURN_PARAM]));
}
