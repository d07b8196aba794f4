// PURE: a Microsoft Teams Workflows body ("Post to a channel when a webhook request is received"):
// a message with one Adaptive Card 1.4 attachment — a container styled in the state's colour with
// the headline, the text, a FactSet of the components and an Action.OpenUrl to the incident.
// TextBlocks and facts read a CommonMark subset, so text is backslash-escaped; `{{` would start a
// DATE()/TIME() function and is broken with a zero-width space. Mentions need `msteams.entities`,
// which Beacon never sends, so `<at>` stays text.
import { type ChatMessage, type ChatTone, capLines, escapeMarkdown, fitEscaped } from "./chat-message";

/** A Teams message may hold about 28 KB; these keep a card well inside it. */
const HEADLINE = 300;
const TEXT = 4000;
const FACTS = 25;
const FACT_TEXT = 300;

const CONTAINER_STYLE: Record<ChatTone, string> = { green: "good", yellow: "warning", red: "attention", blue: "accent", neutral: "emphasis" };
const TEXT_COLOUR: Record<ChatTone, string> = { green: "good", yellow: "warning", red: "attention", blue: "accent", neutral: "default" };

const teamsEscape = (text: string) => escapeMarkdown(text).replace(/\{\{/g, "{\u200b{");
const textBlock = (text: string, extra: Record<string, string | boolean> = {}) => ({ type: "TextBlock", text, wrap: true, ...extra });

export function teamsBody(message: ChatMessage) {
  const facts = capLines(
    message.components.map((line) => ({ title: fitEscaped(line.name, FACT_TEXT, teamsEscape), value: fitEscaped(line.change, FACT_TEXT, teamsEscape) })),
    FACTS,
    (count) => ({ title: "…", value: `and ${count} more components` }),
  );
  const card = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: [
      {
        type: "Container",
        style: CONTAINER_STYLE[message.tone],
        bleed: true,
        items: [
          textBlock(fitEscaped(message.headline, HEADLINE, teamsEscape), { weight: "Bolder", size: "Medium" }),
          textBlock(teamsEscape(message.label), { color: TEXT_COLOUR[message.tone], spacing: "None" }),
        ],
      },
      ...(message.text ? [textBlock(fitEscaped(message.text, TEXT, teamsEscape))] : []),
      ...(facts.length ? [{ type: "FactSet", facts }] : []),
    ],
    actions: [{ type: "Action.OpenUrl", title: message.linkLabel, url: message.link }],
  };
  return { type: "message", attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }] };
}
