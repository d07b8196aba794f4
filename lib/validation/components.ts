// Inputs of component management (admins only), shared by the admin forms and any future API/CLI.
import * as z from "zod";
import { singleLineText } from "@/lib/validation/text";

/** Lowercase letters and digits in dash-separated words: `git-push`. */
export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

const id = z.coerce.number().int().positive();
const fields = {
  name: singleLineText().min(1, "Give the component a name customers recognise.").max(100, "Keep the name under 100 characters."),
  description: singleLineText().max(500, "Keep the description under 500 characters.").default(""),
  /** "" = a system (top level); otherwise the system it belongs to. */
  parentId: z.preprocess((value) => (value === "" || value === undefined ? null : value), id.nullable()),
  hidden: z.preprocess((value) => value === "on" || value === true, z.boolean()),
};
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .max(100, "Keep the slug under 100 characters.")
  .regex(SLUG_PATTERN, "Use lowercase letters, digits and single dashes, e.g. git-push.");

export const createComponentSchema = z.object({
  ...fields,
  /** Empty: derived from the name. */
  slug: z.preprocess((value) => (value === "" ? undefined : value), slug.optional()),
});
export type CreateComponentInput = z.infer<typeof createComponentSchema>;

/** The slug is part of public links (/components/SLUG): it changes only when the admin edits it. */
export const updateComponentSchema = z.object({ id, ...fields, slug });
export type UpdateComponentInput = z.infer<typeof updateComponentSchema>;

export const moveComponentSchema = z.object({ id, direction: z.enum(["up", "down"]) });
export type MoveComponentInput = z.infer<typeof moveComponentSchema>;
