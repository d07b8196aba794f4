// The inputs of the subscription forms, validated once at the edge (lib/public/subscription-forms.ts).
// A line break in any field is refused outright: nothing a visitor types may ever split a mail header.
import * as z from "zod";

/** RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, so an address at most 254. */
export const MAX_EMAIL_LENGTH = 254;
/** The honeypot: a field people and assistive technology never see, which form-filling bots fill. */
export const HONEYPOT_FIELD = "website";
const MAX_COMPONENTS = 500;

// One "@", no spaces, quotes, angle brackets or control characters, and a dot in the domain.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(MAX_EMAIL_LENGTH, `An email address has at most ${MAX_EMAIL_LENGTH} characters.`)
  .regex(ADDRESS, "Enter an email address such as name@example.com.");

export const normalizedEmail = (email: string): string => email.trim().toLowerCase();

const componentIds = z
  .array(z.string().regex(/^[1-9]\d{0,9}$/, "Choose components from the list."))
  .max(MAX_COMPONENTS)
  .default([])
  .transform((ids) => [...new Set(ids.map(Number))]);

const checkbox = z
  .enum(["on"])
  .optional()
  .transform((value) => value === "on");

/** What the visitor chose: every component, or only some (a system includes its sub-components). */
const choices = {
  scope: z.enum(["all", "some"], { error: "Choose all components or some of them." }),
  component: componentIds,
  maintenance: checkbox,
};

function someNeedsComponents(value: { scope: "all" | "some"; component: number[] }, ctx: z.RefinementCtx) {
  if (value.scope === "some" && value.component.length === 0) ctx.addIssue({ code: "custom", path: ["component"], message: "Choose at least one component." });
}

export const subscribeFormSchema = z.object({ email: emailSchema, ...choices }).superRefine(someNeedsComponents);
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;

export const manageFormSchema = z.object({ token: z.string().max(200), ...choices, paused: checkbox }).superRefine(someNeedsComponents);
export type ManageForm = z.infer<typeof manageFormSchema>;

export const tokenFormSchema = z.object({ token: z.string().max(200) });

/** Whether any value carries a carriage return or line feed (header injection). */
export function hasLineBreak(fields: Record<string, string | string[]>): boolean {
  return Object.values(fields).some((value) => (Array.isArray(value) ? value : [value]).some((text) => /[\r\n]/.test(text)));
}

/** An urlencoded body as fields; `component` may repeat (one checkbox per component), the rest keep their first value. */
export function formFields(body: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  const components: string[] = [];
  for (const [name, value] of new URLSearchParams(body)) {
    if (name === "component") components.push(value);
    else fields[name] ??= value;
  }
  fields.component = components;
  return fields;
}

/** The first message of each field, for the form's error summary. */
export function fieldMessages(error: z.ZodError): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of error.issues) messages[String(issue.path[0] ?? "form")] ??= issue.message;
  return messages;
}
