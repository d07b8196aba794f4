// The inputs of the subscription forms, validated once at the edge (lib/public/subscription-forms.ts).
// A line break in any field is refused outright: nothing a visitor types may ever split a mail header.
// Messages are catalog keys (lib/i18n), written in the page's language when the form is shown again.
import * as z from "zod";
import { LOCALES, type MessageKey } from "@/lib/i18n";

/** RFC 5321 §4.5.3.1.3: a path holds at most 256 octets, so an address at most 254. */
export const MAX_EMAIL_LENGTH = 254;
/** The honeypot: a field people and assistive technology never see, which form-filling bots fill. */
export const HONEYPOT_FIELD = "website";
const MAX_COMPONENTS = 500;

// One "@", no spaces, quotes, angle brackets or control characters, and a dot in the domain.
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:".]+(\.[^\s@<>()[\]\\,;:".]+)+$/;

export const emailSchema = z
  .string({ error: "subscribe.error.emailRequired" })
  .trim()
  .min(1, "subscribe.error.emailRequired")
  .max(MAX_EMAIL_LENGTH, "subscribe.error.emailTooLong")
  .regex(ADDRESS, "subscribe.error.emailInvalid");

export const normalizedEmail = (email: string): string => email.trim().toLowerCase();

const componentIds = z
  .array(z.string().regex(/^[1-9]\d{0,9}$/, "subscribe.error.components"))
  .max(MAX_COMPONENTS)
  .default([])
  .transform((ids) => [...new Set(ids.map(Number))]);

const checkbox = z
  .enum(["on"])
  .optional()
  .transform((value) => value === "on");

/** What the visitor chose: every component, or only some (a system includes its sub-components). */
const choices = {
  scope: z.enum(["all", "some"], { error: "subscribe.error.scope" }),
  component: componentIds,
  maintenance: checkbox,
};

function someNeedsComponents(value: { scope: "all" | "some"; component: number[] }, ctx: z.RefinementCtx) {
  if (value.scope === "some" && value.component.length === 0) ctx.addIssue({ code: "custom", path: ["component"], message: "subscribe.error.someComponent" });
}

export const subscribeFormSchema = z.object({ email: emailSchema, ...choices }).superRefine(someNeedsComponents);
export type SubscribeForm = z.infer<typeof subscribeFormSchema>;

/** The manage form's language select; absent (an older page's form) keeps the language as it is. */
const language = z.enum(LOCALES, { error: "subscribe.error.language" }).optional();

export const manageFormSchema = z.object({ token: z.string().max(200), ...choices, paused: checkbox, language }).superRefine(someNeedsComponents);
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

/** A field's message: a catalog key, with the values some of them name. */
export type FieldMessages = Record<string, MessageKey>;
export const FIELD_MESSAGE_VALUES = { max: MAX_EMAIL_LENGTH };

/** The first message of each field, for the form's error summary. */
export function fieldMessages(error: z.ZodError): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of error.issues) messages[String(issue.path[0] ?? "form")] ??= issue.message as MessageKey;
  return messages;
}
