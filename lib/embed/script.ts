// /embed.js: the banner script (banner.js beside this file) is served exactly as written — a
// readable ES2017 file small enough that its size budget (3 KB gzip, tested) needs no minifier.
// Read once, when first asked for, from the project root that `npm start` runs in.
import { readFileSync } from "node:fs";
import path from "node:path";

export const EMBED_SCRIPT_FILE = path.join("lib", "embed", "banner.js");

let source: string | undefined;

export function embedScriptSource(): string {
  source ??= readFileSync(path.join(process.cwd(), EMBED_SCRIPT_FILE), "utf8");
  return source;
}
