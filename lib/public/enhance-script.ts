// The only script on public pages, and optional: local times for <time data-local>, and a gentle
// reload every N seconds while incidents are open (skipped when the tab is hidden).
import { createHash } from "node:crypto";

export const ENHANCE_SCRIPT = `(function(){var f={dateStyle:"medium",timeStyle:"short"};document.querySelectorAll("time[data-local]").forEach(function(t){var d=new Date(t.getAttribute("datetime"));if(!isNaN(d)){t.title=t.textContent;t.textContent=d.toLocaleString(undefined,f)}});var s=Number(document.body.getAttribute("data-auto-refresh"));if(s>0)setInterval(function(){if(!document.hidden)location.reload()},s*1e3)})();`;

/** For the Content-Security-Policy: this exact script may run, nothing else. */
export const ENHANCE_SCRIPT_HASH = `sha256-${createHash("sha256").update(ENHANCE_SCRIPT).digest("base64")}`;
