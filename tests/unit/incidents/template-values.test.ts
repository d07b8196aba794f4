import { describe, expect, it } from "vitest";
import { incidentFormValues, templateFormValues } from "@/lib/incidents/template-values";

const template = {
  name: "Elevated errors",
  title: "Elevated errors on {component}",
  postType: "investigating",
  body: "We are investigating elevated errors on {component}.",
  // In the template's order; "gone" names a component deleted since the template was saved.
  componentStates: [
    { componentSlug: "git-push", state: "yellow" },
    { componentSlug: "gone", state: "red" },
    { componentSlug: "production", state: "green" },
  ],
};
const components = [
  { id: 1, slug: "production" },
  { id: 3, slug: "git-push" },
];

describe("template values", () => {
  it("prefill the new-incident form by component id in the template's order, skipping deleted components, keeping placeholders for the guardrail", () => {
    expect(incidentFormValues(template, components)).toEqual({
      title: "Elevated errors on {component}",
      type: "investigating",
      body: "We are investigating elevated errors on {component}.",
      componentIds: ["3", "1"],
      "state.3": "yellow",
      "state.1": "green",
    });
  });

  it("treat unreadable stored states as none", () => {
    expect(incidentFormValues({ ...template, componentStates: "nonsense" }, components).componentIds).toEqual([]);
    expect(incidentFormValues({ ...template, componentStates: null }, components).componentIds).toEqual([]);
  });

  it("fill the template form by slug", () => {
    expect(templateFormValues(template)).toMatchObject({
      name: "Elevated errors",
      postType: "investigating",
      "state.git-push": "yellow",
      "state.gone": "red",
      "state.production": "green",
    });
  });
});
