import { postHtml } from "@/lib/text/markdown";

/** A post's Markdown, rendered and sanitized by lib/text/markdown (the only HTML injected anywhere). */
export function PostBody({ markdown }: { markdown: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: postHtml escapes raw HTML and passes the result through an allowlist sanitizer
  return <div className="post-body" dangerouslySetInnerHTML={{ __html: postHtml(markdown) }} />;
}
