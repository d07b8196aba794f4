// Inputs of the publish use-cases, shared by the admin forms, the write API and the CLI.
import * as z from "zod";
import { multiLineText, singleLineText } from "@/lib/validation/text";

export const publishablePostTypes = ["investigating", "issue", "update", "resolved"] as const;
export const incidentStates = ["green", "yellow", "red"] as const;

const id = z.coerce.number({ error: "Choose a component." }).int().positive();

export const stateChangeSchema = z.object({
  componentId: id,
  state: z.enum(incidentStates, { error: "Choose Operational, Degraded or Outage." }),
});

const postFields = {
  type: z.enum(publishablePostTypes, { error: "Choose a post type: Investigating, Issue, Update or Resolved." }),
  body: multiLineText().max(20_000, "Keep the text under 20,000 characters.").default(""),
  stateChanges: z
    .array(stateChangeSchema)
    .max(500)
    .default([])
    .refine((changes) => new Set(changes.map((c) => c.componentId)).size === changes.length, "Set each component at most once."),
  /** Backdating: when it really happened. Omitted means now. Must not be in the future. */
  postedAt: z.coerce.date({ error: "Enter a valid date and time." }).optional(),
  /** Makes a retried or double-submitted publish land once. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
};

export const postUpdateSchema = z.object({
  incidentNumber: z.coerce.number({ error: "Choose an incident." }).int().positive(),
  ...postFields,
});
export type PostUpdateInput = z.infer<typeof postUpdateSchema>;

export const openIncidentSchema = z.object({
  title: singleLineText().min(1, "Give the incident a title customers will understand.").max(200, "Keep the title under 200 characters."),
  componentIds: z.array(id).min(1, "Choose at least one affected component.").max(500),
  ...postFields,
});
export type OpenIncidentInput = z.infer<typeof openIncidentSchema>;

export const editPostSchema = z.object({
  postId: z.coerce.number().int().positive(),
  body: multiLineText().min(1, "Write the corrected text.").max(20_000, "Keep the text under 20,000 characters."),
});
export type EditPostInput = z.infer<typeof editPostSchema>;

export const deletePostSchema = z.object({
  postId: z.coerce.number().int().positive(),
  reason: singleLineText().min(3, "Say why the post is deleted (it is kept in the audit log).").max(500, "Keep the reason under 500 characters."),
});
export type DeletePostInput = z.infer<typeof deletePostSchema>;

/** The commander confirmed this exact diff (Impact.hash), and ticked the box for its warnings. */
export const confirmationSchema = z.object({
  impactHash: z.string().regex(/^[0-9a-f]{64}$/),
  warningsAcknowledged: z.boolean(),
});
export type Confirmation = z.infer<typeof confirmationSchema>;
