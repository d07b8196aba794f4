// Post bodies are Markdown written by commanders; customers' browsers and feed readers get HTML
// that cannot execute anything: raw HTML is escaped by the parser, then an allowlist sanitizer
// removes anything else (defence in depth, since the same HTML goes into feeds and APIs).
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

const parser = new MarkdownIt({ html: false, linkify: true, typographer: false });

const headingToParagraph = sanitizeHtml.simpleTransform("p", { class: "post-heading" });

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "hr", "a", "em", "strong", "del", "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td"],
  allowedAttributes: { a: ["href", "title", "rel"], p: ["class"], ol: ["start"], th: ["align"], td: ["align"] },
  allowedClasses: { p: ["post-heading"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "escape",
  // A post's headings must not break the page's heading order, so they become plain paragraphs.
  transformTags: {
    h1: headingToParagraph,
    h2: headingToParagraph,
    h3: headingToParagraph,
    h4: headingToParagraph,
    h5: headingToParagraph,
    h6: headingToParagraph,
    a: sanitizeHtml.simpleTransform("a", { rel: "nofollow noopener noreferrer" }),
  },
};

/** Safe HTML for a post body. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(parser.render(markdown), SANITIZE_OPTIONS).trim();
}

/** Plain text of a post body, for summaries, titles and JSON fields that carry text. */
export function markdownToText(markdown: string): string {
  const html = parser.render(markdown);
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
