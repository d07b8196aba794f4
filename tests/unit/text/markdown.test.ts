import { describe, expect, it } from "vitest";
import { MAX_BODY_LENGTH, markdownToText, postHtml, postText, renderMarkdown } from "@/lib/text/markdown";
import { WORST_CASE_BODIES } from "@/scripts/bench/markdown-bodies";
import { XSS_PAYLOADS } from "../../fixtures/xss-payloads";

describe("renderMarkdown", () => {
  it("renders the Markdown commanders use", () => {
    expect(renderMarkdown("**Down** since `03:25`, see [details](https://example.com).")).toBe(
      '<p><strong>Down</strong> since <code>03:25</code>, see <a href="https://example.com" rel="nofollow noopener noreferrer">details</a>.</p>',
    );
    expect(renderMarkdown("- one\n- two")).toContain("<li>one</li>");
  });

  it("turns headings into paragraphs so a post never breaks the page's heading order", () => {
    expect(renderMarkdown("# Big news")).toBe('<p class="post-heading">Big news</p>');
  });

  it.each(XSS_PAYLOADS)("leaves nothing executable in %s", (payload) => {
    const html = renderMarkdown(payload);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|svg|iframe|details|body|math|style|div|b)\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/<a\b[^>]*href\s*=\s*"\s*(javascript|vbscript|data):/i);
  });
});

describe("markdownToText", () => {
  it("gives plain text for summaries", () => {
    expect(markdownToText("**Down** & out\n\n- a")).toBe("Down & out a");
  });
});

describe("the costliest bodies of the longest allowed length", () => {
  const html = (name: string) => postHtml(WORST_CASE_BODIES[name]!);
  const count = (text: string, part: string) => text.split(part).length - 1;

  it.each(["[ run", "[( run", "[]( run", "![ run", "[![ run", "nested labels"])("renders a %s as the text it is", (name) => {
    expect(html(name)).toBe(`<p>${WORST_CASE_BODIES[name]}</p>`);
  });

  it("keeps a run of brackets on separate lines as one paragraph of text", () => {
    expect(html("[\\n run")).toBe(`<p>${WORST_CASE_BODIES["[\\n run"]!.trim()}</p>`);
  });

  it("renders dense structure whole", () => {
    expect(count(html("*a run"), "<em>a</em>")).toBe(5_000);
    expect(count(html("# lines"), '<p class="post-heading">a</p>')).toBe(5_000);
    expect(count(html("wide table"), "<th>a</th>")).toBe(400);
    expect(count(html("wide table"), "<tr>")).toBe(24);
    // 5,000 lines: the header, its delimiter row, then 4,998 rows.
    expect(count(html("tall table"), "<tr>")).toBe(1 + 4_998);
  });

  it("gives pages, feeds and APIs the renderer's HTML and text, read after read", () => {
    const body = WORST_CASE_BODIES["ordinary Markdown"]!;
    expect(body).toHaveLength(MAX_BODY_LENGTH);
    for (let read = 0; read < 2; read++) {
      expect(postHtml(body)).toBe(renderMarkdown(body));
      expect(postText(body)).toBe(markdownToText(body));
    }
  });
});

describe("bounds", () => {
  it("scans brackets for a link label at most 20 levels deep, which keeps a run of brackets linear", () => {
    const nested = (depth: number) => `${"[".repeat(depth)}a${"]".repeat(depth)}(https://example.com)`;
    expect(renderMarkdown(nested(19))).toBe(`<p><a href="https://example.com" rel="nofollow noopener noreferrer">${"[".repeat(18)}a${"]".repeat(18)}</a></p>`);
    expect(renderMarkdown(nested(21))).toBe(
      `<p>${"[".repeat(21)}a${"]".repeat(21)}(<a href="https://example.com" rel="nofollow noopener noreferrer">https://example.com</a>)</p>`,
    );
  });

  it("still renders lists and quotes nested as deep as posts go", () => {
    expect(renderMarkdown("- a\n  - b\n    - c\n      - d\n        > **quoted _`code`_**").replace(/\n/g, "")).toBe(
      "<ul><li>a<ul><li>b<ul><li>c<ul><li>d<blockquote><p><strong>quoted <em><code>code</code></em></strong></p></blockquote></li></ul></li></ul></li></ul></li></ul>",
    );
  });

  it("renders only the first MAX_BODY_LENGTH characters of a longer body", () => {
    const long = `${"a".repeat(MAX_BODY_LENGTH)}${"b".repeat(5_000)}`;
    expect(postHtml(long)).toBe(`<p>${"a".repeat(MAX_BODY_LENGTH)}</p>`);
    expect(postText(long)).toBe("a".repeat(MAX_BODY_LENGTH));
  });

  it("never cuts a character in half at the bound", () => {
    const emoji = `${"a".repeat(MAX_BODY_LENGTH - 1)}😀`;
    expect(renderMarkdown(emoji)).toBe(`<p>${"a".repeat(MAX_BODY_LENGTH - 1)}</p>`);
  });
});
