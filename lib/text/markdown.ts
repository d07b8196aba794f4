// Post bodies are Markdown written by commanders; customers' browsers and feed readers get HTML
// that cannot execute anything: raw HTML is escaped by the parser, then an allowlist sanitizer
// removes anything else (defence in depth, since the same HTML goes into feeds and APIs).
//
// Rendering is linear in the body's length and bounded by it: a commander pasting a log full of
// brackets costs about what ordinary Markdown of that length does (`npx tsx scripts/bench/markdown.ts`).
// Pages, feeds and APIs read a post's HTML and text through `postHtml` and `postText`, which render
// each body once and keep the result in a cache bounded by bytes.
import { LRUCache } from "lru-cache";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

/** The longest body rendered, in UTF-16 code units: the forms' and the API's limit. */
export const MAX_BODY_LENGTH = 20_000;

// markdown-it looks for a link's closing `]` by parsing what follows, nested once per `[`, up to
// maxNesting levels (100 by default): a run of 20,000 `[` cost ≈ 100 ms. Twenty levels are far
// more than any post nests (lists, quotes, emphasis) and keep that scan within a small constant.
const MAX_NESTING = 20;

const parser = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING });

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

/** The body's first MAX_BODY_LENGTH code units, never ending in half a surrogate pair. */
function bounded(markdown: string): string {
  if (markdown.length <= MAX_BODY_LENGTH) return markdown;
  const end = /[\uD800-\uDBFF]/.test(markdown[MAX_BODY_LENGTH - 1]!) ? MAX_BODY_LENGTH - 1 : MAX_BODY_LENGTH;
  return markdown.slice(0, end);
}

/** Safe HTML for a post body. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(parser.render(bounded(markdown)), SANITIZE_OPTIONS).trim();
}

/** Plain text of a post body, for summaries, titles and JSON fields that carry text. */
export function markdownToText(markdown: string): string {
  const html = parser.render(bounded(markdown));
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} })
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}

/** Bytes each cache may hold, counting keys and values at two bytes a code unit. */
const CACHE_BYTES = 8 * 1024 * 1024;
/** What an entry costs besides its strings (lru-cache also needs every size to be positive). */
const ENTRY_OVERHEAD_BYTES = 64;

/** `render`, run once per body text while the result stays among the most recently used CACHE_BYTES. */
function renderedOnce(render: (markdown: string) => string): (markdown: string) => string {
  const cache = new LRUCache<string, string>({
    maxSize: CACHE_BYTES,
    sizeCalculation: (value, key) => ENTRY_OVERHEAD_BYTES + 2 * (key.length + value.length),
    memoMethod: (markdown) => render(markdown),
  });
  return (markdown) => cache.memo(markdown);
}

/** A post body as safe HTML, rendered once per body text. */
export const postHtml = renderedOnce(renderMarkdown);

/** A post body as plain text, rendered once per body text. */
export const postText = renderedOnce(markdownToText);
