// Form fields become a plain record; prototype names are ordinary fields, never Object.prototype's.
import { describe, expect, it } from "vitest";
import { formValues } from "@/lib/admin/form-state";
import { createComponentSchema } from "@/lib/validation/components";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("formValues", () => {
  it("keeps repeated names as arrays and skips Next's $ACTION fields", () => {
    expect({
      ...formValues(
        form([
          ["componentIds", "1"],
          ["componentIds", "2"],
          ["title", "x"],
          ["$ACTION_ID_ab", ""],
        ]),
      ),
    }).toEqual({
      componentIds: ["1", "2"],
      title: "x",
    });
  });

  it("treats __proto__, constructor and toString as field names", () => {
    const values = formValues(
      form([
        ["__proto__", "a"],
        ["constructor", "b"],
        ["toString", "c"],
        ["toString", "d"],
        ["name", "API"],
      ]),
    );
    expect(Object.entries(values)).toEqual([
      ["__proto__", "a"],
      ["constructor", "b"],
      ["toString", ["c", "d"]],
      ["name", "API"],
    ]);
    // A plain object, as client components need (they refuse null-prototype objects).
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
    expect(createComponentSchema.safeParse({ ...values, parentId: "" }).data?.name).toBe("API");
  });
});
