// PURE: the one Markdown text customers read — on /incidents/N/postmortem, in the feeds, in the
// Statuspage postmortem_body and in webhooks. Built from the public sections, the kept timeline lines
// and the action items' titles; the internal notes are not an input, so they cannot leak into it.
import { formatUtc } from "@/lib/text/format-time";
import type { ActionItemLine, PostmortemLineDraft, PostmortemSections } from "./types";

export interface PublicTextInput {
  sections: PostmortemSections;
  lines: readonly Pick<PostmortemLineDraft, "at" | "text" | "kept">[];
  actionItems: readonly ActionItemLine[];
}

/** One line per entry: a line break inside a quoted post would end its list item. */
const inline = (text: string) => text.replace(/\s+/g, " ").trim();

function section(title: string, body: string): string[] {
  return body.trim() ? [`## ${title}`, "", body.trim(), ""] : [];
}

export function postmortemPublicText({ sections, lines, actionItems }: PublicTextInput): string {
  const kept = lines.filter((line) => line.kept).sort((a, b) => a.at.getTime() - b.at.getTime());
  const timeline = kept.map((line) => `- **${formatUtc(line.at)}**: ${inline(line.text)}`).join("\n");
  const followUps = actionItems.map((item) => `- ${inline(item.title)}${item.status === "done" ? " (done)" : ""}`).join("\n");
  return [
    ...section("Summary", sections.summary),
    ...section("Impact", sections.impact),
    ...section("Timeline", timeline),
    ...section("What allowed this to happen", sections.contributingFactors),
    ...section("What went well", sections.wentWell),
    ...section("What we are changing", followUps),
  ]
    .join("\n")
    .trim();
}
