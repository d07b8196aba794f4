// Inputs of sign-in and user management, shared by the login form, the admin UI and `npm run admin`.
import * as z from "zod";
import { singleLineText } from "@/lib/validation/text";
import { ROLES } from "@/lib/auth/roles";

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter an email address such as ada@example.com." }).max(254, "That email address is too long."));

export const newPasswordSchema = z.string().min(12, "Use at least 12 characters for the password.").max(1024, "Use at most 1024 characters for the password.");

export const roleSchema = z.enum(ROLES, { error: `Choose a role: ${ROLES.join(", ")}.` });

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(1024, "That password is too long."),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const createUserSchema = z.object({
  email: emailSchema,
  password: newPasswordSchema,
  role: roleSchema,
  name: singleLineText().max(100, "Use at most 100 characters for the name.").default(""),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setRoleSchema = z.object({ email: emailSchema, role: roleSchema });
export const resetPasswordSchema = z.object({ email: emailSchema, password: newPasswordSchema });
export const setDisabledSchema = z.object({ email: emailSchema, disabled: z.enum(["true", "false"]).transform((value) => value === "true") });

/** The first-run page: the first admin, with the setup code printed in the server's log. */
export const firstAdminSchema = z.object({
  code: z.string().trim().min(1, "Enter the setup code from the server's log.").max(100, "That setup code is too long."),
  name: singleLineText().max(100, "Use at most 100 characters for the name.").default(""),
  email: emailSchema,
  password: newPasswordSchema,
});
export type FirstAdminInput = z.infer<typeof firstAdminSchema>;
