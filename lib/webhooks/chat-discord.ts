// PURE: a Discord execute-webhook body (discord.com/developers/docs/resources/webhook#execute-webhook):
// one embed with the linked title, the text, the state colour as an integer and a field per
// component. Discord's limits are kept: title 256, description 4096, 25 fields (name 256, value
// 1024), footer 2048, and 6000 characters over the whole embed. `allowed_mentions: {parse: []}`
// makes Discord ping no one whatever the text says; the Markdown escape keeps `<@id>` and masked
// links plain text too.
import { type ChatMessage, capLines, escapeMarkdown, fitEscaped, TONE_HEX } from "./chat-message";

export const DISCORD_LIMITS = { title: 256, description: 4096, fields: 25, fieldName: 256, fieldValue: 1024, footer: 2048, embed: 6000 } as const;

const DESCRIPTION_FLOOR = 1000;
const FIELD_VALUE = 64;
const discordEscape = escapeMarkdown;

export function discordBody(message: ChatMessage) {
  const title = fitEscaped(message.headline, DISCORD_LIMITS.title, discordEscape);
  const footer = fitEscaped(message.label, DISCORD_LIMITS.footer, discordEscape);
  // 25 names of 256 characters alone would pass 6000: the fields share what the title and a
  // minimal description leave, and a state's words ("Outage (was Operational)") are short.
  const count = Math.min(message.components.length, DISCORD_LIMITS.fields);
  const nameRoom = Math.floor((DISCORD_LIMITS.embed - title.length - footer.length - DESCRIPTION_FLOOR) / Math.max(count, 1)) - FIELD_VALUE;
  const fields = capLines(
    message.components.map((line) => ({
      name: fitEscaped(line.name, Math.min(DISCORD_LIMITS.fieldName, nameRoom), discordEscape),
      value: fitEscaped(line.change, FIELD_VALUE, discordEscape),
      inline: true,
    })),
    DISCORD_LIMITS.fields,
    (count) => ({ name: "…", value: `and ${count} more components`, inline: true }),
  );
  const used = title.length + footer.length + fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const description = fitEscaped(message.text, Math.min(DISCORD_LIMITS.description, DISCORD_LIMITS.embed - used), discordEscape);
  return {
    embeds: [
      {
        title,
        url: message.link,
        ...(description ? { description } : {}),
        color: Number.parseInt(TONE_HEX[message.tone].slice(1), 16),
        ...(fields.length ? { fields } : {}),
        footer: { text: footer },
        timestamp: message.at.toISOString(),
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
