// What a rule's templates write for a sample alert that the rule matches: the title and the post's
// Markdown exactly as the ingest would fill them in (lib/alerts/rules.ts renderTemplate).
import { joinNames, renderTemplate, shortened } from "@/lib/alerts/rules";
import type { RuleMatcher } from "@/lib/validation/integrations";

const SAMPLE_LABELS: Record<string, string> = { alertname: "HighErrorRate", severity: "critical", instance: "api-1:9090", job: "api" };
const SAMPLE_ANNOTATIONS: Record<string, string> = {
  summary: "5xx responses above 5% for 5 minutes",
  description: "The API answers 7.2% of requests with a 5xx status.",
};

/** The sample labels, with each equals matcher's own value, so the rule would route the sample. */
export function sampleAlertFor(matchers: readonly RuleMatcher[]) {
  const labels = { ...SAMPLE_LABELS };
  for (const matcher of matchers) {
    if (matcher.op === "equals") labels[matcher.label] = matcher.value;
    else if (!Object.hasOwn(labels, matcher.label)) labels[matcher.label] = "example";
  }
  return { labels, annotations: SAMPLE_ANNOTATIONS };
}

interface Templates {
  matchers: readonly RuleMatcher[];
  titleTemplate: string;
  bodyTemplate: string;
  componentNames: readonly string[];
}

/** Plain strings, so a form's answer can carry them (a no-JavaScript form re-sends its state). */
export interface RuleText {
  sample: string;
  title: string;
  body: string;
}

export function ruleText({ matchers, titleTemplate, bodyTemplate, componentNames }: Templates): RuleText {
  const values = { alert: sampleAlertFor(matchers), components: joinNames(componentNames) };
  return {
    sample: Object.entries(values.alert.labels)
      .map(([name, value]) => `${name}="${value}"`)
      .join(", "),
    title: renderTemplate(titleTemplate, values, shortened),
    body: renderTemplate(bodyTemplate, values),
  };
}

export function RulePreview({ text }: { text: RuleText }) {
  return (
    <div data-rule-preview="" className="space-y-1 rounded border border-dashed border-zinc-500 p-3 text-sm">
      <p className="font-medium">For a sample alert ({text.sample}):</p>
      <p>
        Title: <strong data-preview-title="">{text.title}</strong>
      </p>
      <p>Post (Markdown):</p>
      <pre data-preview-body="" className="whitespace-pre-wrap break-words rounded bg-zinc-100 p-2 dark:bg-zinc-800">
        {text.body}
      </pre>
    </div>
  );
}
