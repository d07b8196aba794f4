import { renderMarkdown } from "@/lib/text/markdown";

/** A post's Markdown, rendered and sanitized by lib/text/markdown (the only HTML injected anywhere). */
export function PostBody({ markdown }: { markdown: string }) {
  return <div className="post-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
