import { renderMarkdown } from "@/lib/markdown";

/** A post's Markdown, rendered and sanitized by lib/markdown (the only HTML injected anywhere). */
export function PostBody({ markdown }: { markdown: string }) {
  return <div className="post-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(markdown) }} />;
}
