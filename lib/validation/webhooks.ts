// Inputs of webhook endpoint management (admin UI).
import * as z from "zod";
import { singleLineText } from "@/lib/validation/text";

export const WEBHOOK_EVENTS = [
  "incident.opened",
  "incident.updated",
  "incident.resolved",
  "post.edited",
  "post.deleted",
  "maintenance.scheduled",
  "maintenance.extended",
  "maintenance.ended",
  "maintenance.cancelled",
  "postmortem.published",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
export const WEBHOOK_FORMATS = ["json", "slack", "discord", "teams", "google_chat"] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

const list = (value: unknown) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value]);

export const createWebhookSchema = z.object({
  name: singleLineText().min(1, "Name the endpoint, e.g. Ops Slack.").max(100, "Keep the name under 100 characters."),
  url: z
    .url({ protocol: /^https?$/, error: "Enter an http(s) URL such as https://hooks.example.com/beacon." })
    .max(2000, "Keep the URL under 2000 characters."),
  secret: z
    .string()
    .trim()
    .max(200, "Keep the secret under 200 characters.")
    .refine((secret) => secret === "" || secret.length >= 16, "Use at least 16 characters, or leave it empty to generate one.")
    .default(""),
  format: z.enum(WEBHOOK_FORMATS, { error: "Choose Beacon JSON, Slack, Discord, Microsoft Teams or Google Chat." }).default("json"),
  componentIds: z.preprocess(list, z.array(z.coerce.number().int().positive()).max(500)),
  events: z.preprocess(list, z.array(z.enum(WEBHOOK_EVENTS, { error: "Choose known events." })).max(WEBHOOK_EVENTS.length)),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

export const webhookIdSchema = z.object({ endpointId: z.coerce.number().int().positive() });
