// Compiles the public pages' stylesheet with Tailwind, scanning only the public components, and
// minifies it; lib/public/render.tsx inlines it into every public page.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";

const root = path.resolve(import.meta.dirname, "..");
const source = path.join(root, "components/public/public.css");
const target = path.join(root, "generated/public.css");

const result = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(readFileSync(source, "utf8"), { from: source });
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, result.css);
console.log(`Public stylesheet: ${path.relative(root, target)} (${(result.css.length / 1024).toFixed(1)} KiB)`);
