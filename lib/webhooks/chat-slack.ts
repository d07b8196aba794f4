// PURE: a Slack incoming-webhook body (docs.slack.dev/messaging/sending-messages-using-incoming-webhooks).
// Block Kit has no colour, so the blocks sit in one legacy attachment whose `color` is the state's,
// as Slack documents for coloured messages. `text` is the notification line. Slack's mrkdwn treats
// only &, < and > as control characters: escaping them also turns `<!channel>` into plain text.
import { type ChatMessage, capLines, fitEscaped } from "./chat-message";
import { TONE_HEX } from "./chat-message";
import type { ComponentState } from "@/lib/timeline/types";

/** Slack's limits: a section's text 3000 characters, a button's label 75, a message's `text` kept short for notifications. */
const SECTION_TEXT = 3000;
const NOTIFICATION_TEXT = 500;
const BUTTON_TEXT = 75;
const COMPONENT_LINES = 40;

export const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const STATE_EMOJI: Record<ComponentState, string> = {
  green: ":large_green_circle:",
  yellow: ":large_yellow_circle:",
  red: ":red_circle:",
  blue: ":large_blue_circle:",
};

const mrkdwnSection = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

export function slackBody(message: ChatMessage) {
  const lines = capLines(
    message.components.map((line) => `${STATE_EMOJI[line.after]} ${line.name}: ${line.change}`),
    COMPONENT_LINES,
    (count) => `and ${count} more components`,
  );
  const blocks = [
    // The link's label may not hold "|" or ">"; escaping makes ">" safe, "|" is dropped.
    mrkdwnSection(`*<${message.link}|${fitEscaped(message.headline.replace(/\|/g, "/"), SECTION_TEXT - message.link.length - 10, slackEscape)}>*`),
    ...(message.text ? [mrkdwnSection(`*${message.label}*\n${fitEscaped(message.text, SECTION_TEXT - message.label.length - 3, slackEscape)}`)] : []),
    ...(lines.length ? [mrkdwnSection(fitEscaped(lines.join("\n"), SECTION_TEXT, slackEscape))] : []),
    {
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: fitEscaped(message.linkLabel, BUTTON_TEXT) }, url: message.link }],
    },
  ];
  return {
    text: `${fitEscaped(message.headline, NOTIFICATION_TEXT, slackEscape)} ${message.link}`,
    attachments: [{ color: TONE_HEX[message.tone], fallback: fitEscaped(message.headline, NOTIFICATION_TEXT, slackEscape), blocks }],
  };
}
