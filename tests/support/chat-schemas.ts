// The documented request bodies of the four chat platforms, as zod schemas: required fields, types
// and documented limits. Written from the platforms' own reference pages (cited per schema), not
// from Beacon's code, so a test that parses Beacon's output with them checks it against the docs.
import * as z from "zod";

const hexColour = z.string().regex(/^#[0-9a-f]{6}$/i);
const httpsUrl = z.url({ protocol: /^https?$/ });

// Slack: docs.slack.dev/reference/block-kit/blocks — section text ≤ 3000, a message ≤ 50 blocks;
// buttons: text plain_text ≤ 75, url ≤ 3000; legacy attachments: color as hex, blocks inside.
const slackText = z.object({ type: z.enum(["mrkdwn", "plain_text"]), text: z.string().min(1).max(3000) }).strict();
const slackBlock = z.discriminatedUnion("type", [
  z.object({ type: z.literal("section"), text: slackText }).strict(),
  z.object({ type: z.literal("context"), elements: z.array(slackText).min(1).max(10) }).strict(),
  z
    .object({
      type: z.literal("actions"),
      elements: z
        .array(
          z
            .object({
              type: z.literal("button"),
              text: z.object({ type: z.literal("plain_text"), text: z.string().min(1).max(75) }).strict(),
              url: httpsUrl.max(3000),
            })
            .strict(),
        )
        .min(1)
        .max(25),
    })
    .strict(),
]);
export const slackSchema = z
  .object({
    text: z.string().min(1).max(40_000),
    attachments: z.array(z.object({ color: hexColour, fallback: z.string().optional(), blocks: z.array(slackBlock).min(1).max(50) }).strict()).min(1),
  })
  .strict();

// Discord: discord.com/developers/docs/resources/message#embed-object-embed-limits — title 256,
// description 4096, ≤ 25 fields (name 256, value 1024), footer 2048, 6000 characters in all embeds;
// color an integer; timestamp ISO 8601; content ≤ 2000; allowed_mentions.parse ⊂ roles/users/everyone.
const discordEmbed = z
  .object({
    title: z.string().max(256).optional(),
    url: httpsUrl.optional(),
    description: z.string().max(4096).optional(),
    color: z.number().int().min(0).max(0xffffff).optional(),
    fields: z
      .array(z.object({ name: z.string().min(1).max(256), value: z.string().min(1).max(1024), inline: z.boolean().optional() }).strict())
      .max(25)
      .optional(),
    footer: z
      .object({ text: z.string().min(1).max(2048) })
      .strict()
      .optional(),
    timestamp: z.iso.datetime().optional(),
  })
  .strict();
export const discordSchema = z
  .object({
    content: z.string().max(2000).optional(),
    embeds: z.array(discordEmbed).max(10).optional(),
    allowed_mentions: z.object({ parse: z.array(z.enum(["roles", "users", "everyone"])) }).strict(),
  })
  .strict()
  .refine((body) => body.content || body.embeds?.length, "content or embeds")
  .refine(
    (body) =>
      (body.embeds ?? []).reduce(
        (sum, embed) =>
          sum +
          (embed.title?.length ?? 0) +
          (embed.description?.length ?? 0) +
          (embed.footer?.text.length ?? 0) +
          (embed.fields ?? []).reduce((fields, field) => fields + field.name.length + field.value.length, 0),
        0,
      ) <= 6000,
    "6000 characters over all embeds",
  );

// Microsoft Teams Workflows webhook: learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/connectors-using
// (a message with Adaptive Card attachments); the card per adaptivecards.io/explorer (1.4): TextBlock,
// Container (style good/warning/attention/accent/emphasis/default), FactSet (title, value), Action.OpenUrl.
const cardStyle = z.enum(["default", "emphasis", "good", "attention", "warning", "accent"]);
const textBlock = z
  .object({
    type: z.literal("TextBlock"),
    text: z.string().min(1),
    wrap: z.boolean().optional(),
    weight: z.enum(["Default", "Lighter", "Bolder"]).optional(),
    size: z.enum(["Default", "Small", "Medium", "Large", "ExtraLarge"]).optional(),
    color: z.enum(["Default", "Dark", "Light", "Accent", "Good", "Warning", "Attention"].flatMap((c) => [c, c.toLowerCase()])).optional(),
    spacing: z.enum(["None", "Small", "Default", "Medium", "Large", "ExtraLarge", "Padding"]).optional(),
  })
  .strict();
const factSet = z.object({ type: z.literal("FactSet"), facts: z.array(z.object({ title: z.string(), value: z.string() }).strict()).min(1) }).strict();
const container = z
  .object({ type: z.literal("Container"), style: cardStyle.optional(), bleed: z.boolean().optional(), items: z.array(textBlock).min(1) })
  .strict();
export const teamsSchema = z
  .object({
    type: z.literal("message"),
    attachments: z
      .array(
        z
          .object({
            contentType: z.literal("application/vnd.microsoft.card.adaptive"),
            contentUrl: z.null().optional(),
            content: z
              .object({
                $schema: z.literal("http://adaptivecards.io/schemas/adaptive-card.json").optional(),
                type: z.literal("AdaptiveCard"),
                version: z.string().regex(/^1\.[4-6]$/),
                body: z.array(z.union([textBlock, factSet, container])).min(1),
                actions: z.array(z.object({ type: z.literal("Action.OpenUrl"), title: z.string().min(1), url: httpsUrl }).strict()).optional(),
              })
              .strict(),
          })
          .strict(),
      )
      .length(1),
  })
  .strict()
  .refine((body) => Buffer.byteLength(JSON.stringify(body)) <= 28_000, "a Teams message holds about 28 KB");

// Google Chat: developers.google.com/workspace/chat/api/reference/rest/v1/spaces.messages (text,
// cardsV2[{cardId, card}]) and …/cards (CardHeader title; Section header, widgets; DecoratedText,
// TextParagraph, ButtonList with onClick.openLink.url). A message holds at most 32,000 bytes.
const widget = z.union([
  z.object({ textParagraph: z.object({ text: z.string().min(1) }).strict() }).strict(),
  z.object({ decoratedText: z.object({ topLabel: z.string().optional(), text: z.string().min(1) }).strict() }).strict(),
  z
    .object({
      buttonList: z
        .object({
          buttons: z
            .array(z.object({ text: z.string().min(1), onClick: z.object({ openLink: z.object({ url: httpsUrl }).strict() }).strict() }).strict())
            .min(1),
        })
        .strict(),
    })
    .strict(),
]);
export const googleChatSchema = z
  .object({
    text: z.string().min(1).max(4096),
    cardsV2: z
      .array(
        z
          .object({
            cardId: z.string().min(1),
            card: z
              .object({
                header: z.object({ title: z.string().min(1), subtitle: z.string().optional() }).strict(),
                sections: z.array(z.object({ header: z.string().optional(), widgets: z.array(widget).min(1) }).strict()).min(1),
              })
              .strict(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .refine((body) => Buffer.byteLength(JSON.stringify(body)) <= 32_000, "a Google Chat message holds at most 32,000 bytes");

export const CHAT_SCHEMAS = { slack: slackSchema, discord: discordSchema, teams: teamsSchema, google_chat: googleChatSchema } as const;
