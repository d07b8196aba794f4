// Post bodies that are costly to render, each exactly MAX_BODY_LENGTH long: runs of the characters
// markdown-it and the sanitizer treat specially, and the densest structures (tables, emphasis).
// Shared by the Markdown benchmark and the renderer's unit tests.
import { MAX_BODY_LENGTH } from "@/lib/text/markdown";

/** `unit` repeated, cut to exactly MAX_BODY_LENGTH. */
export function run(unit: string): string {
  return unit.repeat(Math.ceil(MAX_BODY_LENGTH / unit.length)).slice(0, MAX_BODY_LENGTH);
}

/** A table 400 columns wide, filled row after row. */
function wideTable(): string {
  const columns = 400;
  const header = `|${"a|".repeat(columns)}\n|${"-|".repeat(columns)}\n`;
  return (header + run(`|${"a|".repeat(columns)}\n`)).slice(0, MAX_BODY_LENGTH);
}

/** Lists nested one level deeper per line, as deep as the length allows. */
function nestedLists(): string {
  const lines: string[] = [];
  for (let depth = 0, length = 0; length < MAX_BODY_LENGTH; depth++) {
    lines.push(`${" ".repeat(depth * 2)}- a`);
    length += depth * 2 + 4;
  }
  return lines.join("\n").slice(0, MAX_BODY_LENGTH);
}

export const WORST_CASE_BODIES: Record<string, string> = {
  "[ run": run("["),
  "] run": run("]"),
  "[( run": run("[("),
  "[]( run": run("[]("),
  "[\\n run": run("[\n"),
  "![ run": run("!["),
  "[![ run": run("[!["),
  "nested labels": `${"[".repeat(MAX_BODY_LENGTH / 2 - 2)}a${"]".repeat(MAX_BODY_LENGTH / 2 - 2)}(x)`,
  "* run": run("*"),
  "*a run": run("*a"),
  "a_ run": run("a_"),
  "~~a run": run("~~a"),
  "backtick run": run("`"),
  "backtick-a run": run("`a"),
  "< run": run("<"),
  "<http://a run": run("<http://a"),
  "&# run": run("&#"),
  "& run": run("&"),
  "backslash run": run("\\"),
  "pipe run": run("|"),
  "> nested quotes": run("> "),
  "nested lists": nestedLists(),
  "1. run": run("1. "),
  "# lines": run("# a\n"),
  "--- lines": run("---\n"),
  "hard breaks": run("a  \n"),
  "fence lines": run("```\n"),
  "tall table": run("|a|\n|-|\n"),
  "wide table": wideTable(),
  "link definitions": run("[a]: b\n"),
  "bare links": run("http://a.b/ "),
  "pasted log": run("2026-12-01 03:25:07 [ERROR] [worker-3] GET /api/v2 [503] {retry: [1, 2, [3]]} <pid=12> *x* _y_ `z`\n"),
  "ordinary Markdown": run("**Down** since `03:25`, see [details](https://example.com).\n\n- one\n- two\n\n"),
};
