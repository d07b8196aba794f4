import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "@/lib/text/markdown";
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
