// How the admin names each payload format, and which URL to paste for it (the platform's own words).
import type { WebhookFormat } from "@/lib/validation/webhooks";

export const WEBHOOK_FORMAT_CHOICES: Record<WebhookFormat, { label: string; hint: string }> = {
  json: { label: "Beacon JSON", hint: "Your own receiver: Beacon's JSON, signed with X-Beacon-Signature." },
  slack: {
    label: "Slack",
    hint: "A Slack app's Incoming Webhooks page → Add New Webhook → the URL https://hooks.slack.com/services/…",
  },
  discord: {
    label: "Discord",
    hint: "Channel settings → Integrations → Webhooks → New Webhook → Copy Webhook URL (https://discord.com/api/webhooks/…).",
  },
  teams: {
    label: "Microsoft Teams",
    hint: "Channel → Workflows → “Post to a channel when a webhook request is received” → the HTTP POST URL the workflow shows.",
  },
  google_chat: {
    label: "Google Chat",
    hint: "Space → Apps & integrations → Webhooks → Add webhook → the URL https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…",
  },
};
