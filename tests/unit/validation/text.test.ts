// Free text loses control and text-direction characters at validation, in every schema that takes
// a name, title, reason or body: single-line fields keep one line, multi-line fields keep newlines.
import { describe, expect, it } from "vitest";
import { createApiTokenSchema } from "@/lib/validation/api-tokens";
import { createUserSchema } from "@/lib/validation/auth";
import { createComponentSchema } from "@/lib/validation/components";
import { deletePostSchema, editPostSchema, openIncidentSchema } from "@/lib/validation/incidents";
import { scheduleMaintenanceSchema } from "@/lib/validation/maintenance";
import { templateSchema } from "@/lib/validation/templates";
import { cleanMultiLine, cleanSingleLine, multiLineText, singleLineText } from "@/lib/validation/text";
import { createWebhookSchema } from "@/lib/validation/webhooks";

const HOSTILE = "\u0000\u0007\u001b[31m\u007f\u0085\u009b\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";
const UNWANTED = /(?!\n)\p{Cc}|[\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe("cleanSingleLine / singleLineText", () => {
  it("removes C0 and C1 controls, DEL, line/paragraph separators and every bidi override or isolate", () => {
    expect(cleanSingleLine(`Deploy${HOSTILE} failed`)).toBe("Deploy[31m failed");
    expect(cleanSingleLine("invoice\u202Egpj.exe")).toBe("invoicegpj.exe");
  });

  it("turns tabs and line breaks into spaces and trims", () => {
    expect(singleLineText().parse("  API\r\nerrors\tin\neu-west \u202E ")).toBe("API  errors in eu-west");
  });

  it("keeps ordinary Unicode: accents, CJK, emoji, right-to-left letters", () => {
    const text = "Störung – 障害 🔥 עברית";
    expect(singleLineText().parse(text)).toBe(text);
  });

  it("applies the field's own length rules after cleaning", () => {
    expect(singleLineText().min(1).safeParse("\u202E\u0000 ").success).toBe(false);
  });
});

describe("cleanMultiLine / multiLineText", () => {
  it("keeps newlines and tabs, normalizes CRLF and CR to LF", () => {
    expect(cleanMultiLine("a\r\nb\rc\n\td")).toBe("a\nb\nc\n\td");
  });

  it("removes the same controls and overrides as single-line text, and trims", () => {
    expect(multiLineText().parse(`\n We are${HOSTILE} on it.\nMore soon. \n`)).toBe("We are[31m on it.\nMore soon.");
  });
});

describe("every free-text field is cleaned", () => {
  const dirty = (text: string) => `\u202E${text}\u0007\u0000`;
  const cases: [string, () => unknown, (parsed: never) => string[]][] = [
    [
      "incident title and first post",
      () => openIncidentSchema.parse({ title: dirty("Outage\nnow"), type: "issue", body: dirty("line 1\r\nline 2"), componentIds: [1] }),
      (p: { title: string; body: string }) => [p.title, p.body],
    ],
    ["edited post", () => editPostSchema.parse({ postId: 1, body: dirty("fixed") }), (p: { body: string }) => [p.body]],
    ["delete reason", () => deletePostSchema.parse({ postId: 1, reason: dirty("wrong incident") }), (p: { reason: string }) => [p.reason]],
    [
      "maintenance title and body",
      () =>
        scheduleMaintenanceSchema.parse({
          title: dirty("DB upgrade"),
          componentIds: ["1"],
          startsAt: "2026-12-01T10:00",
          endsAt: "2026-12-01T11:00",
          body: dirty("We upgrade."),
        }),
      (p: { title: string; body: string }) => [p.title, p.body],
    ],
    [
      "template name, title and body",
      () => templateSchema.parse({ name: dirty("Errors"), title: dirty("Elevated errors"), postType: "issue", body: dirty("Looking") }),
      (p: { name: string; title: string; body: string }) => [p.name, p.title, p.body],
    ],
    [
      "component name and description",
      () => createComponentSchema.parse({ name: dirty("API"), description: dirty("Public API"), parentId: "", hidden: undefined }),
      (p: { name: string; description: string }) => [p.name, p.description],
    ],
    [
      "webhook name",
      () => createWebhookSchema.parse({ name: dirty("Ops Slack"), url: "https://hooks.example.com/x", componentIds: [], events: [] }),
      (p: { name: string }) => [p.name],
    ],
    [
      "user name",
      () => createUserSchema.parse({ email: "ada@example.com", password: "correct horse battery", role: "viewer", name: dirty("Ada") }),
      (p: { name: string }) => [p.name],
    ],
  ];

  it.each(cases)("%s", (_name, parse, fields) => {
    const values = fields(parse() as never);
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) {
      expect(value).not.toMatch(UNWANTED);
      expect(value.length).toBeGreaterThan(0);
    }
  });

  it("keeps a multi-line body's lines and makes a title one line", () => {
    const parsed = openIncidentSchema.parse({ title: "Outage\nin EU", type: "issue", body: "one\r\ntwo", componentIds: [1] });
    expect(parsed.title).toBe("Outage in EU");
    expect(parsed.body).toBe("one\ntwo");
  });

  it("a token name is cleaned, then held to its strict charset", () => {
    expect(createApiTokenSchema.safeParse({ name: "pager\u202Educy", role: "commander" }).data?.name).toBe("pagerducy");
    expect(createApiTokenSchema.safeParse({ name: "\u202E\u0000", role: "commander" }).success).toBe(false);
  });
});
