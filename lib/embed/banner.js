// The embeddable status banner, served as written at /embed.js: a plain ES2017 script, no
// dependencies (README "Embedding"). It reads /embed.json from the Beacon it was loaded from and,
// while an incident or maintenance affects the host's chosen components (data-components="api,web";
// default: all), shows a small banner until the visitor dismisses it (remembered per incident).
// Safe under a strict CSP: no eval, no innerHTML, no <style> element or style attribute — styles are
// CSSOM property writes, which Content-Security-Policy does not restrict.
(() => {
  const script = document.currentScript || document.createElement("script");
  if (!script.src || !window.fetch) return;
  const base = script.src.replace(/\/embed\.js([?#].*)?$/, "");
  const wanted = (script.getAttribute("data-components") || "")
    .split(",")
    .map((slug) => slug.trim())
    .filter(Boolean);
  const storageKey = `beacon-embed-dismissed ${base}`;
  const DOT = { red: "#dc2626", yellow: "#d97706", blue: "#2563eb", green: "#16a34a" };

  const readDismissed = () => {
    try {
      const ids = JSON.parse(localStorage.getItem(storageKey) || "[]");
      return Array.isArray(ids) ? ids : [];
    } catch (_unavailable) {
      return [];
    }
  };
  const writeDismissed = (ids) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(ids));
    } catch (_unavailable) {
      // Storage refused (private mode): the banner stays dismissed for this page view only.
    }
  };

  const styled = (element, styles) => {
    for (const name of Object.keys(styles)) element.style.setProperty(name, styles[name]);
    return element;
  };
  const make = (tag, styles, text) => {
    const element = styled(document.createElement(tag), styles);
    if (text) element.textContent = text;
    return element;
  };
  const link = (href, text) => {
    const anchor = make("a", { color: "#ffffff", "text-decoration": "underline", "font-weight": "600" }, text);
    anchor.href = href;
    return anchor;
  };

  function show(status) {
    const dismissed = readDismissed();
    const affecting = status.incidents.filter((incident) => !wanted.length || incident.components.some((slug) => wanted.indexOf(slug) >= 0));
    const shown = affecting.filter((incident) => dismissed.indexOf(incident.id) < 0);
    if (!shown.length) return;
    const first = shown[0];

    const host = document.createElement("div");
    host.setAttribute("data-beacon-embed", "");
    const root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    const banner = make("div", {
      position: "fixed",
      left: "16px",
      bottom: "16px",
      "z-index": "2147483000",
      "box-sizing": "border-box",
      "max-width": "min(28rem, calc(100% - 32px))",
      display: "flex",
      "align-items": "flex-start",
      gap: "12px",
      padding: "12px 12px 12px 16px",
      "border-radius": "8px",
      background: "#111827",
      color: "#f9fafb",
      font: "14px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
      "box-shadow": "0 4px 16px rgba(0, 0, 0, 0.25)",
    });
    banner.setAttribute("role", "status");
    banner.setAttribute("aria-live", "polite");
    const dot = make("span", { "flex-shrink": "0", width: "10px", height: "10px", "margin-top": "5px", "border-radius": "50%", background: DOT[first.state] });
    dot.setAttribute("aria-hidden", "true");
    const text = make("p", { margin: "0", "flex-grow": "1" });
    text.append(make("strong", {}, `${first.label}: `), link(first.url, first.title));
    if (shown.length > 1) text.append(" · ", link(status.url, `${shown.length - 1} more on the status page`));
    const close = make(
      "button",
      {
        "flex-shrink": "0",
        margin: "0",
        padding: "0 6px",
        border: "1px solid #9ca3af",
        "border-radius": "4px",
        background: "transparent",
        color: "#f9fafb",
        font: "inherit",
        "font-size": "16px",
        "line-height": "22px",
        cursor: "pointer",
      },
      "×",
    );
    close.type = "button";
    close.setAttribute("aria-label", "Dismiss status notice");
    close.addEventListener("focus", () => styled(close, { outline: "3px solid #fbbf24", "outline-offset": "2px" }));
    close.addEventListener("blur", () => close.style.removeProperty("outline"));
    close.addEventListener("click", () => {
      const ids = affecting.map((incident) => incident.id);
      writeDismissed(ids.filter((id) => dismissed.indexOf(id) >= 0 || shown.some((incident) => incident.id === id)));
      host.remove();
    });
    banner.append(dot, text, close);
    root.append(banner);
    (document.body || document.documentElement).append(host);
  }

  fetch(`${base}/embed.json`, { credentials: "omit" })
    .then((response) => (response.ok ? response.json() : null))
    .then((status) => {
      if (status && Array.isArray(status.incidents)) show(status);
    })
    .catch(() => undefined);
})();
