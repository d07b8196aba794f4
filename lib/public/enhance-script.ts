// The only script on public pages, and optional: times (<time data-local>) in the reader's zone —
// the device's, or the one picked in the footer's menu and kept in localStorage — unless the address
// chose one (`?tz=`, rendered by the server: <html data-tz>); and a gentle reload every N seconds
// while incidents are open (skipped when the tab is hidden).
import { createHash } from "node:crypto";

export const ENHANCE_SCRIPT = `(function(){var d=document,h=d.documentElement,k="beacon-tz",z=null;try{z=localStorage.getItem(k)}catch(e){}function show(zone){var f={year:"numeric",month:"short",day:"numeric",hour:"2-digit",minute:"2-digit",timeZoneName:"short"};if(zone)f.timeZone=zone;d.querySelectorAll("time[data-local]").forEach(function(t){var v=new Date(t.getAttribute("datetime"));if(isNaN(v))return;if(!t.title)t.title=t.textContent;try{t.textContent=v.toLocaleString(h.lang,f)}catch(e){}})}var form=d.querySelector("form[data-tz-form]");if(!h.hasAttribute("data-tz")){show(z);if(form){var s=form.querySelector("select");if(z)s.value=z;form.addEventListener("submit",function(e){e.preventDefault();z=s.value||null;try{z?localStorage.setItem(k,z):localStorage.removeItem(k)}catch(x){}show(z)})}}var r=Number(d.body.getAttribute("data-auto-refresh"));if(r>0)setInterval(function(){if(!d.hidden)location.reload()},r*1e3)})();`;

/** For the Content-Security-Policy: this exact script may run, nothing else. */
export const ENHANCE_SCRIPT_HASH = `sha256-${createHash("sha256").update(ENHANCE_SCRIPT).digest("base64")}`;
