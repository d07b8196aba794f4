// The "Your page" form (/admin/settings): page name, accent colour, support link and footer text.
// An empty field means "as Beacon looks by default". The accent must reach WCAG AA (lib/branding/contrast.ts).
import * as z from "zod";
import { accentContrastProblem } from "@/lib/branding/contrast";

const emptyAsNull = (value: unknown) => (typeof value === "string" && value.trim() === "" ? null : typeof value === "string" ? value.trim() : value);

const accentSchema = z
  .string()
  .regex(/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i, "Write the colour as a hex code such as #1d4ed8.")
  .transform((value) => {
    const hex = value.replace(/^#/, "").toLowerCase();
    return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join("") : hex}`;
  })
  .superRefine((accent, context) => {
    const problem = accentContrastProblem(accent);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });

export const brandFormSchema = z.object({
  name: z.preprocess(emptyAsNull, z.string().max(60, "Use at most 60 characters.").nullable()),
  accent: z.preprocess(emptyAsNull, accentSchema.nullable()),
  supportUrl: z.preprocess(
    emptyAsNull,
    z
      .url({ protocol: /^https?$/, error: "Enter an address starting with https:// or http://." })
      .max(500, "Use at most 500 characters.")
      .nullable(),
  ),
  // Plain text on one line: control characters (and so line breaks) become spaces.
  footer: z.preprocess(
    (value) => emptyAsNull(typeof value === "string" ? value.replace(/\p{Cc}+/gu, " ") : value),
    z.string().max(280, "Use at most 280 characters.").nullable(),
  ),
});
export type BrandFormInput = z.infer<typeof brandFormSchema>;

export const brandImageFormSchema = z.object({ kind: z.enum(["logo", "favicon"]) });
