// The private-site settings form (/admin/settings) and the reader's sign-in forms (/access).
import { isIP } from "node:net";
import * as z from "zod";
import { allowEntryProblem } from "@/lib/runtime/address-lists";

const checkbox = z.preprocess((value) => value === "on" || value === true, z.boolean());
const lines = (value: unknown) =>
  typeof value === "string"
    ? value
        .split(/[\s,]+/)
        .map((line) => line.trim().toLowerCase())
        .filter(Boolean)
    : [];

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** Why an entry of the IP list is unusable (a host name is not an address), or null. */
export function ipRangeProblem(entry: string): string | null {
  return isIP(entry.split("/")[0] ?? "") === 0 ? `"${entry}" is not an IP address or CIDR range` : allowEntryProblem(entry);
}

export const accessFormSchema = z.object({
  private: checkbox,
  /** Empty keeps the current password. */
  password: z
    .string()
    .max(200, "At most 200 characters.")
    .refine((value) => value === "" || value.length >= 10, "At least 10 characters, or empty to keep the current one."),
  removePassword: checkbox,
  emailDomains: z.preprocess(
    lines,
    z
      .array(z.string())
      .max(50, "At most 50 domains.")
      .refine((domains) => domains.every((domain) => DOMAIN.test(domain)), "Write domains such as example.com, one a line."),
  ),
  ipRanges: z.preprocess(
    lines,
    z
      .array(z.string())
      .max(100, "At most 100 ranges.")
      .superRefine((ranges, ctx) => {
        const problem = ranges.map(ipRangeProblem).find(Boolean);
        if (problem) ctx.addIssue({ code: "custom", message: `${problem}: write addresses or ranges such as 10.0.0.0/8, one a line.` });
      }),
  ),
  rotateFeedTokens: checkbox,
});
export type AccessFormInput = z.infer<typeof accessFormSchema>;

export const readerPasswordSchema = z.object({ password: z.string().min(1, "Enter the password.").max(200, "Enter the password.") });
export const readerEmailSchema = z.object({ email: z.email("Enter an email address.").max(254, "Enter an email address.") });
export const readerLinkSchema = z.object({ token: z.string().regex(/^[\w-]{20,64}$/, "This link is not valid.") });
