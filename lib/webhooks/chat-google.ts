// PURE: a Google Chat incoming-webhook body (developers.google.com/workspace/chat/format-messages):
// `text` (the notification line) and one `cardsV2` card — header, the text as a textParagraph, a
// decoratedText per component in the state's colour, and a button that opens the incident. Card
// text is a small HTML subset, so &, < and > become entities; in `text`, `<users/all>` would
// mention everyone, so every `<` there is followed by a zero-width space.
import { type ChatMessage, capLines, fitEscaped, TONE_HEX } from "./chat-message";

/** A message holds at most 32,000 bytes; these keep one card well inside it. */
const TEXT = 4000;
const HEADER = 200;
const NOTIFICATION_TEXT = 500;
const COMPONENTS = 25;
const COMPONENT_TEXT = 300;

const cardEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const cardText = (text: string) => cardEscape(text).replace(/\n/g, "<br>");
const chatText = (text: string) => text.replace(/</g, "<\u200b");

export function googleChatBody(message: ChatMessage) {
  const components = capLines(
    message.components.map((line) => ({
      decoratedText: {
        topLabel: fitEscaped(line.name, COMPONENT_TEXT, cardEscape),
        text: `<font color="${TONE_HEX[line.after]}">${fitEscaped(line.change, COMPONENT_TEXT, cardEscape)}</font>`,
      },
    })),
    COMPONENTS,
    (count) => ({ decoratedText: { topLabel: "…", text: `and ${count} more components` } }),
  );
  const sections = [
    {
      widgets: [
        { decoratedText: { text: `<font color="${TONE_HEX[message.tone]}"><b>${cardEscape(message.label)}</b></font>` } },
        ...(message.text ? [{ textParagraph: { text: fitEscaped(message.text, TEXT, cardText) } }] : []),
      ],
    },
    ...(components.length ? [{ header: "Components", widgets: components }] : []),
    { widgets: [{ buttonList: { buttons: [{ text: message.linkLabel, onClick: { openLink: { url: message.link } } }] } }] },
  ];
  return {
    text: `${fitEscaped(message.headline, NOTIFICATION_TEXT, chatText)} ${message.link}`,
    cardsV2: [
      {
        cardId: "beacon-notice",
        card: {
          // Header texts are plain text, not the HTML subset; `<` is defused as in `text`.
          header: { title: fitEscaped(message.headline, HEADER, chatText) },
          sections,
        },
      },
    ],
  };
}
