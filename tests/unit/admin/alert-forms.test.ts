// The admin side of alerts: a rule survives the round trip through its no-JavaScript form (even
// with more matchers than the form's default rows), a bad pattern is a field message, and an
// alert's evidence is shown as text — hostile labels escaped, a javascript: graph URL never a link.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AlertEvidenceList, graphHref } from "@/app/admin/_components/AlertEvidenceList";
import { ruleFormValues } from "@/app/admin/integrations/rule-values";
import type { AlertEvidence } from "@/lib/alerts/drafts";
import { formValues } from "@/lib/admin/form-state";
import { ruleFormSchema } from "@/lib/validation/alert-rule-form";
import type { RuleMatcher } from "@/lib/validation/integrations";

/** What the browser sends: the form's values, as FormData. */
function submitted(values: Record<string, string | string[]>): Record<string, string | string[]> {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const one of [value].flat()) data.append(name, one);
  return formValues(data);
}

const rule = {
  id: 7,
  name: "Critical API alerts",
  matchers: [
    { label: "severity", op: "exists" },
    { label: "alertname", op: "regex", value: "Http.*" },
    ...Array.from({ length: 5 }, (_, index) => ({ label: `team${index}`, op: "equals", value: `api-${index}` })),
  ] as RuleMatcher[],
  componentIds: [1, 3],
  severityStates: { critical: "red", warning: "yellow", page: "red" } as const,
  fixedState: null,
  titleTemplate: "{{alertname}} on {{components}}",
  bodyTemplate: "Our automated systems have detected a problem with {{components}}.",
  mode: "publish" as const,
  resolveAutomatically: true,
};

describe("the rule form", () => {
  it("gives back the saved rule, with all seven matchers and three severities", () => {
    const parsed = ruleFormSchema.parse(submitted(ruleFormValues(4, rule)));
    const { id, ...saved } = rule;
    expect(parsed).toEqual({ ...saved, ruleId: id, integrationId: 4, intent: "save" });
  });

  it("ignores empty rows, reads '' as 'by severity', and an unticked box as no automatic resolve", () => {
    const parsed = ruleFormSchema.parse(
      submitted({
        integrationId: "2",
        name: "Disk",
        "matcher.0.label": "",
        "matcher.0.op": "equals",
        "matcher.0.value": "",
        "matcher.1.label": "alertname",
        "matcher.1.op": "equals",
        "matcher.1.value": "DiskFull",
        "severity.0.value": " Critical ",
        "severity.0.state": "red",
        "severity.1.value": "",
        "severity.1.state": "yellow",
        componentIds: "5",
        fixedState: "",
        titleTemplate: "{{alertname}}",
        bodyTemplate: "We are investigating.",
        mode: "draft",
        intent: "preview",
      }),
    );
    expect(parsed).toMatchObject({
      matchers: [{ label: "alertname", op: "equals", value: "DiskFull" }],
      severityStates: { critical: "red" },
      fixedState: null,
      componentIds: [5],
      resolveAutomatically: false,
      intent: "preview",
    });
    expect(parsed.ruleId).toBeUndefined();
  });

  it("says which matcher's pattern is not a regular expression, and that a rule never proposes green", () => {
    const values = { ...ruleFormValues(4, rule), "matcher.1.value": "(unclosed", fixedState: "green" };
    const result = ruleFormSchema.safeParse(submitted(values));
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(paths).toContain("matchers.1.value: This is not a valid regular expression.");
    expect(paths).toContain("fixedState: Choose Degraded, Outage or Maintenance (a rule never proposes Operational).");
  });
});

describe("an alert's evidence", () => {
  const hostile: AlertEvidence = {
    id: 1,
    fingerprint: "abc123",
    status: "firing",
    labels: { alertname: "<script>window.__xss=1</script>", instance: '"><img src=x onerror=alert(1)>' },
    annotations: { summary: "<b>bold</b> claim" },
    startsAt: new Date("2026-12-01T10:00:00Z"),
    endsAt: null,
    generatorUrl: "javascript:alert(1)",
    lastSeenAt: new Date("2026-12-01T10:01:00Z"),
    integrationName: "am",
  };

  it("links the graph only when its address is http(s)", () => {
    expect(graphHref("http://prometheus:9090/graph?g0.expr=up")).toBe("http://prometheus:9090/graph?g0.expr=up");
    expect(graphHref("https://grafana.example/d/1")).toBe("https://grafana.example/d/1");
    for (const unsafe of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>1</script>", "/relative", "", null]) {
      expect(graphHref(unsafe)).toBeNull();
    }
  });

  it("shows labels, annotations and the address as escaped text", () => {
    const html = renderToStaticMarkup(createElement(AlertEvidenceList, { alerts: [hostile], title: "Evidence" }));
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain("&lt;script&gt;window.__xss=1&lt;/script&gt;");
    expect(html).toContain("Source: javascript:alert(1)");
    expect(html).toContain("still firing");
  });
});
