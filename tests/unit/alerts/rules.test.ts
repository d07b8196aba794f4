// Routing alerts by rules: order and scope, equals/regex/exists, the proposed state (never green),
// and templates that keep untrusted label text from becoming Markdown.
import { describe, expect, it } from "vitest";
import { joinNames, markdownSafe, matchingRule, proposedState, renderTemplate, type RoutingRule, worseState } from "@/lib/alerts/rules";
import { createRuleSchema, DEFAULT_BODY_TEMPLATE, DEFAULT_SEVERITY_STATES } from "@/lib/validation/integrations";

function rule(id: number, fields: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id,
    integrationId: null,
    position: id,
    matchers: [],
    componentIds: [1],
    severityStates: DEFAULT_SEVERITY_STATES,
    fixedState: null,
    titleTemplate: "{{alertname}}",
    bodyTemplate: DEFAULT_BODY_TEMPLATE,
    mode: "draft",
    resolveAutomatically: false,
    ...fields,
  };
}

describe("matchingRule", () => {
  const api = rule(1, { matchers: [{ label: "service", op: "equals", value: "api" }] });
  const dbRegex = rule(2, { matchers: [{ label: "service", op: "regex", value: "db|postgres-.*" }] });
  const paged = rule(3, { matchers: [{ label: "page", op: "exists" }] });

  it("takes the first rule whose matchers all match, by position", () => {
    expect(matchingRule([paged, dbRegex, api], 9, { service: "api" })?.id).toBe(1);
    expect(matchingRule([api, dbRegex], 9, { service: "postgres-main" })?.id).toBe(2);
    expect(matchingRule([api, paged], 9, { service: "api", page: "yes" })?.id).toBe(1);
    expect(matchingRule([api, paged], 9, { service: "web", page: "yes" })?.id).toBe(3);
  });

  it("anchors regular expressions like Alertmanager: the whole value must match", () => {
    expect(matchingRule([dbRegex], 9, { service: "mydb" })).toBeNull();
    expect(matchingRule([dbRegex], 9, { service: "db" })?.id).toBe(2);
  });

  it("needs every matcher; exists needs a non-empty value; no rule → unrouted (null)", () => {
    const both = rule(4, { matchers: [...api.matchers, { label: "severity", op: "exists" }] });
    expect(matchingRule([both], 9, { service: "api" })).toBeNull();
    expect(matchingRule([both], 9, { service: "api", severity: "" })).toBeNull();
    expect(matchingRule([both], 9, { service: "api", severity: "page" })?.id).toBe(4);
    expect(matchingRule([paged], 9, { constructor: "x" })).toBeNull();
  });

  it("tries the integration's own rules before global ones, and ignores other integrations' rules", () => {
    const catchAll = rule(1);
    const own = rule(2, { integrationId: 7, position: 5 });
    const other = rule(3, { integrationId: 8, position: 0 });
    expect(matchingRule([catchAll, own, other], 7, {})?.id).toBe(2);
    expect(matchingRule([catchAll, own, other], 9, {})?.id).toBe(1);
  });
});

describe("proposedState", () => {
  it("maps severity (any case) to a state, unknown to yellow, and a fixed state wins", () => {
    expect(proposedState(rule(1), { severity: "critical" })).toBe("red");
    expect(proposedState(rule(1), { severity: "WARNING" })).toBe("yellow");
    expect(proposedState(rule(1), { severity: "info" })).toBe("yellow");
    expect(proposedState(rule(1), {})).toBe("yellow");
    expect(proposedState(rule(1, { fixedState: "red" }), { severity: "warning" })).toBe("red");
    expect(proposedState(rule(1), { severity: "__proto__" })).toBe("yellow");
  });

  it("is never green: a rule cannot be saved proposing Operational", () => {
    const input = { name: "r", componentIds: [1] };
    expect(createRuleSchema.safeParse({ ...input, fixedState: "green" }).success).toBe(false);
    expect(createRuleSchema.safeParse({ ...input, severityStates: { info: "green" } }).success).toBe(false);
    expect(createRuleSchema.safeParse({ ...input, fixedState: "red" }).success).toBe(true);
  });

  it("picks the worse state when alerts share a draft", () => {
    expect(worseState("yellow", "red")).toBe("red");
    expect(worseState("red", "yellow")).toBe("red");
    expect(worseState("blue", "yellow")).toBe("yellow");
  });
});

describe("renderTemplate", () => {
  const alert = { labels: { alertname: "HighErrorRate", service: "api" }, annotations: { summary: "5xx above 5%" } };

  it("writes the default body in the voice of Heroku's 2012 post", () => {
    expect(renderTemplate(DEFAULT_BODY_TEMPLATE, { alert, components: joinNames(["API", "Git push"]) })).toBe(
      "Our automated systems have detected a problem with API and Git push. We are investigating.",
    );
  });

  it("fills labels and annotations by name; unknown placeholders become empty", () => {
    expect(renderTemplate("{{ alertname }} on {{labels.service}}: {{annotations.summary}}{{labels.nope}}", { alert, components: "" }, (v) => v)).toBe(
      "HighErrorRate on api: 5xx above 5%",
    );
  });

  it("escapes label values so they cannot become links, images or HTML in a post", () => {
    const evil = { labels: { alertname: "[click](https://evil.example) <img src=x onerror=alert(1)> **bold**" }, annotations: {} };
    const body = renderTemplate("Alert: {{alertname}}", { alert: evil, components: "" });
    expect(body).toBe("Alert: \\[click\\]\\(https://evil\\.example\\) \\<img src=x onerror=alert\\(1\\)\\> \\*\\*bold\\*\\*");
    expect(markdownSafe("x".repeat(500))).toHaveLength(200);
  });

  it("names components for a sentence", () => {
    expect(joinNames([])).toBe("our systems");
    expect(joinNames(["API"])).toBe("API");
    expect(joinNames(["API", "Git push", "Web"])).toBe("API, Git push and Web");
  });
});
