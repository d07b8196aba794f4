import { describe, expect, it } from "vitest";
import { extendMaintenanceSchema, scheduleMaintenanceSchema } from "@/lib/validation/maintenance";
import { templateSchema } from "@/lib/validation/templates";
import { settingsFormSchema } from "@/lib/validation/settings";
import { updateComponentSchema } from "@/lib/validation/components";

const form = { title: "Dashboard maintenance", componentIds: ["3", "4"], startsAt: "2026-11-25T10:00", endsAt: "2026-11-25T12:00", body: "Upgrading." };

describe("maintenance inputs", () => {
  it("reads datetime-local fields as UTC and checkbox lists as ids", () => {
    const parsed = scheduleMaintenanceSchema.parse(form);
    expect(parsed.startsAt.toISOString()).toBe("2026-11-25T10:00:00.000Z");
    expect(parsed.componentIds).toEqual([3, 4]);
    expect(scheduleMaintenanceSchema.parse({ ...form, componentIds: "3" }).componentIds).toEqual([3]);
  });

  it("puts each mistake next to its field", () => {
    const result = scheduleMaintenanceSchema.safeParse({ ...form, endsAt: "2026-11-25T09:00", componentIds: undefined, body: " " });
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(fields).toMatchObject({ componentIds: "Choose at least one component under maintenance.", body: expect.stringContaining("Tell customers") });
    const backwards = scheduleMaintenanceSchema.safeParse({ ...form, endsAt: "2026-11-25T09:00" });
    expect(backwards.error!.issues).toEqual([expect.objectContaining({ path: ["endsAt"], message: "The window must end after it starts." })]);
    expect(extendMaintenanceSchema.safeParse({ incidentNumber: "4", endsAt: "" }).error!.issues[0]!.path).toEqual(["endsAt"]);
  });
});

describe("other admin inputs", () => {
  it("template state selects become slug/state pairs; empty selects are left out", () => {
    const parsed = templateSchema.parse({ name: "T", title: "x", postType: "issue", body: "", "state.git-push": "red", "state.routing": "" });
    expect(parsed.componentStates).toEqual([{ componentSlug: "git-push", state: "red" }]);
  });
  it("an empty stale threshold means the default; nonsense is refused", () => {
    expect(settingsFormSchema.parse({ staleAfterMinutes: " " }).staleAfterMinutes).toBeNull();
    expect(settingsFormSchema.parse({ staleAfterMinutes: "45" }).staleAfterMinutes).toBe(45);
    expect(settingsFormSchema.safeParse({ staleAfterMinutes: "0" }).success).toBe(false);
    expect(settingsFormSchema.safeParse({ staleAfterMinutes: "1.5" }).success).toBe(false);
  });
  it("a component form: '' is a system, the checkbox is hidden, slugs are lowercase-dashed", () => {
    expect(updateComponentSchema.parse({ id: "3", name: "Git", slug: "Git-Push", parentId: "", description: "" })).toMatchObject({
      parentId: null,
      hidden: false,
      slug: "git-push",
    });
    expect(updateComponentSchema.parse({ id: "3", name: "Git", slug: "git", parentId: "1", hidden: "on" })).toMatchObject({ parentId: 1, hidden: true });
    expect(updateComponentSchema.safeParse({ id: "3", name: "Git", slug: "git push", parentId: "" }).success).toBe(false);
  });
});
