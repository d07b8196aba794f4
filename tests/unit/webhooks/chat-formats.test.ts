// Every chat format's body, for every kind of notice, parses with the platform's documented schema
// (tests/support/chat-schemas.ts); hostile text stays text (no mention, no markup, no link), long
// text and many components are cut to the documented limits with "…".
import { describe, expect, it } from "vitest";
import { type ChatFormat, chatPayload, type WebhookNotice } from "@/lib/webhooks/payload";
import { fitEscaped } from "@/lib/webhooks/chat-message";
import type { ComponentState, PostType } from "@/lib/timeline/types";
import { CHAT_SCHEMAS } from "../../support/chat-schemas";

const FORMATS: ChatFormat[] = ["slack", "discord", "teams", "google_chat"];
/** What each platform would read as a mention, a masked link or a function. */
const LIVE_SYNTAX: Record<ChatFormat, string[]> = {
  slack: ["<!channel>", "<!here>", "<@123456>", "<https://evil"],
  discord: ["<@123456>", "[phish](https"],
  teams: ["<at>", "{{DATE", "[phish](https"],
  google_chat: ["<users/all>", "<b>x"],
};
const AT = new Date("2026-11-22T10:30:00Z");
const HOSTILE =
  "@everyone @here <!channel> <!here> <@123456> <users/all> <at>Ops</at> <https://evil.example|click> **bold** [phish](https://evil.example) {{DATE(2017-02-14T06:00:00Z)}} <b>x</b> & ~~gone~~ `code` > quote\n# heading";

const notice = (overrides: Partial<WebhookNotice> = {}, post: { type?: PostType; body?: string } = {}): WebhookNotice =>
  ({
    event: "incident.updated",
    occurredAt: AT,
    baseUrl: "https://status.example.com",
    incident: { number: 2105, title: "Git push failing", kind: "incident", openedAt: AT, resolvedAt: null },
    post: { id: 7, type: post.type ?? "update", body: post.body ?? "We are rolling back.", postedAt: AT },
    componentChanges: [{ id: 3, name: "Git push", slug: "git-push", before: "green", after: "red" }],
    ...overrides,
  }) as WebhookNotice;

const changes = (count: number, after: ComponentState = "yellow") =>
  Array.from({ length: count }, (_, i) => ({ id: i + 1, name: `Component ${i + 1}`, slug: `c${i + 1}`, before: "green" as const, after }));

const CASES: Record<string, WebhookNotice> = {
  investigating: notice({ event: "incident.opened" }, { type: "investigating" }),
  issue: notice({ event: "incident.opened" }, { type: "issue" }),
  update: notice({}, { type: "update" }),
  resolved: notice(
    { event: "incident.resolved", componentChanges: [{ id: 3, name: "Git push", slug: "git-push", before: "red", after: "green" }] },
    { type: "resolved", body: "Fixed." },
  ),
  "maintenance scheduled": notice(
    { event: "maintenance.scheduled", incident: { number: 9, title: "DB upgrade", kind: "maintenance", openedAt: AT, resolvedAt: null }, componentChanges: [] },
    { type: "scheduled", body: "Window 02:00–03:00 UTC." },
  ),
  "maintenance extended": notice({ event: "maintenance.extended", componentChanges: [] }, { type: "update" }),
  "maintenance ended": notice({ event: "maintenance.ended", componentChanges: changes(1, "green") }, { type: "resolved" }),
  "maintenance cancelled": notice({ event: "maintenance.cancelled", componentChanges: [] }, { type: "resolved", body: "" }),
  "post deleted": notice({ event: "post.deleted", componentChanges: [] }, { body: "" }),
  "every state": notice({ componentChanges: (["green", "yellow", "red", "blue"] as const).map((after, i) => ({ ...changes(1)[0]!, id: i, after })) }),
  "40 components": notice({ componentChanges: changes(40) }),
  "long texts": notice(
    {
      incident: { number: 1, title: "T".repeat(1000), kind: "incident", openedAt: AT, resolvedAt: null },
      componentChanges: changes(30).map((c) => ({ ...c, name: "N".repeat(2000) })),
    },
    { body: "&<>*_".repeat(5000) },
  ),
  hostile: notice(
    { incident: { number: 1, title: HOSTILE, kind: "incident", openedAt: AT, resolvedAt: null }, componentChanges: [{ ...changes(1)[0]!, name: HOSTILE }] },
    { body: HOSTILE },
  ),
  postmortem: {
    ...notice({ event: "postmortem.published", componentChanges: [] }),
    post: null,
    postmortem: { body: "Pushes failed with **401**.", publishedAt: AT },
  },
};

describe.each(FORMATS)("%s bodies", (format) => {
  it.each(Object.keys(CASES))("%s: valid for the platform's documented schema", (name) => {
    const body = chatPayload(format, CASES[name]!);
    const parsed = CHAT_SCHEMAS[format].safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it("link to the incident (or its postmortem) and every component named", () => {
    const text = JSON.stringify(chatPayload(format, CASES["every state"]!));
    expect(text).toContain("https://status.example.com/incidents/2105");
    for (const state of ["Operational", "Degraded", "Outage", "Under maintenance"]) expect(text).toContain(state);
    expect(JSON.stringify(chatPayload(format, CASES.postmortem!))).toContain("https://status.example.com/incidents/2105/postmortem");
  });

  it("hostile text: no live mention, masked link or template function of the platform", () => {
    const text = JSON.stringify(chatPayload(format, CASES.hostile!));
    for (const live of ["@everyone", "@here", ...LIVE_SYNTAX[format]]) expect(text).not.toContain(live);
  });

  it("long texts are cut with …", () => {
    expect(JSON.stringify(chatPayload(format, CASES["long texts"]!))).toContain("…");
  });
});

describe("each platform's own rules", () => {
  const slack = (n: WebhookNotice) => chatPayload("slack", n) as { text: string; attachments: { color: string; blocks: { text?: { text: string } }[] }[] };
  const discord = (n: WebhookNotice) =>
    chatPayload("discord", n) as {
      embeds: { title: string; description?: string; color: number; fields?: { name: string; value: string }[] }[];
      allowed_mentions: object;
    };
  const teams = (n: WebhookNotice) =>
    chatPayload("teams", n) as { attachments: { content: { body: { style?: string; type: string; text?: string; facts?: unknown[] }[] } }[] };
  const google = (n: WebhookNotice) =>
    chatPayload("google_chat", n) as { text: string; cardsV2: { card: { sections: { widgets: Record<string, { text: string }>[] }[] } }[] };

  it("the colour is the worst new state; resolved without changes is green, maintenance blue, a deletion neutral", () => {
    expect(slack(CASES["every state"]!).attachments[0]!.color).toBe("#b91c1c");
    expect(slack(notice({ event: "incident.resolved", componentChanges: [] }, { type: "resolved" })).attachments[0]!.color).toBe("#15803d");
    expect(slack(CASES["maintenance scheduled"]!).attachments[0]!.color).toBe("#1d4ed8");
    expect(slack(CASES["post deleted"]!).attachments[0]!.color).toBe("#52525b");
    expect(discord(CASES["every state"]!).embeds[0]!.color).toBe(0xb91c1c);
    expect(teams(CASES["every state"]!).attachments[0]!.content.body[0]!.style).toBe("attention");
    expect(JSON.stringify(google(CASES["every state"]!))).toContain('<font color=\\"#b91c1c\\">');
  });

  it("Slack escapes &, < and > everywhere, the notification text included", () => {
    const body = slack(CASES.hostile!);
    expect(body.text).toContain("&lt;!channel&gt;");
    expect(body.attachments[0]!.blocks[1]!.text!.text).toContain("&lt;users/all&gt; &lt;at&gt;Ops&lt;/at&gt;");
  });

  it("Discord: pings no one, escapes its Markdown, keeps 25 fields and 6000 characters", () => {
    expect(discord(CASES.hostile!).allowed_mentions).toEqual({ parse: [] });
    const description = discord(CASES.hostile!).embeds[0]!.description!;
    expect(description.startsWith("@\u200beveryone @\u200bhere")).toBe(true);
    expect(description).toContain(
      "\\<@123456\\> \\<users/all\\> \\<at\\>Ops\\</at\\> \\<https://evil.example\\|click\\> \\*\\*bold\\*\\* \\[phish\\](https://evil.example)",
    );
    const many = discord(CASES["40 components"]!).embeds[0]!.fields!;
    expect(many).toHaveLength(25);
    expect(many[24]).toMatchObject({ value: "and 16 more components" });
    const long = discord(CASES["long texts"]!).embeds[0]!;
    expect(long.title).toHaveLength(256);
    expect(long.description!.endsWith("…")).toBe(true);
  });

  it("Teams: a FactSet per component, Markdown and DATE() functions neutralised", () => {
    const body = teams(CASES.hostile!).attachments[0]!.content.body;
    expect(body.find((element) => element.type === "FactSet")!.facts).toHaveLength(1);
    expect(body[1]!.text).toContain("\\*\\*bold\\*\\* \\[phish\\](https://evil.example) {\u200b{DATE(2017");
  });

  it("Google Chat: card text is HTML-escaped, the `text` line cannot mention @all", () => {
    const body = google(CASES.hostile!);
    expect(body.text).toContain("<\u200busers/all>");
    expect(body.cardsV2[0]!.card.sections[0]!.widgets[1]!.textParagraph!.text).toContain("&lt;b&gt;x&lt;/b&gt; &amp;");
  });
});

describe("fitEscaped", () => {
  it("never cuts an escape sequence or a surrogate pair", () => {
    expect(fitEscaped("&&&&", 7, (t) => t.replace(/&/g, "&amp;"))).toBe("&amp;…");
    expect(fitEscaped("😀😀😀", 5)).toBe("😀😀…");
    expect(fitEscaped("short", 5)).toBe("short");
  });
});
