// Incident templates (commanders and admins): create, change, delete — each audited. A template
// names components by slug, so renaming a component never breaks it.
import type { Db, Tx } from "@/lib/db/client";
import { recordAudit } from "@/lib/audit/log";
import { authorize, type Actor } from "@/lib/auth/roles";
import { InputError } from "@/lib/errors/input-error";
import type { TemplateInput, UpdateTemplateInput } from "@/lib/validation/templates";
import { isUniqueViolation } from "./errors";

export function listTemplates(db: Db) {
  return db.incidentTemplate.findMany({ orderBy: { name: "asc" } });
}

export function findTemplate(db: Db, id: number) {
  return db.incidentTemplate.findUnique({ where: { id } });
}

export async function createTemplate(db: Db, actor: Actor | null, input: TemplateInput): Promise<{ id: number }> {
  const author = authorize(actor, "commander");
  return uniqueName(() =>
    db.$transaction(async (tx) => {
      await assertKnownSlugs(tx, input);
      const template = await tx.incidentTemplate.create({ data: input });
      await recordAudit(tx, { actor: author, action: "template.create", targetType: "template", targetId: template.id, after: input });
      return { id: template.id };
    }),
  );
}

export async function updateTemplate(db: Db, actor: Actor | null, input: UpdateTemplateInput): Promise<void> {
  const author = authorize(actor, "commander");
  const { id, ...fields } = input;
  await uniqueName(() =>
    db.$transaction(async (tx) => {
      const current = await existing(tx, id);
      await assertKnownSlugs(tx, fields);
      await tx.incidentTemplate.update({ where: { id }, data: fields });
      const before = {
        name: current.name,
        title: current.title,
        postType: current.postType,
        body: current.body,
        componentStates: current.componentStates ?? [],
      };
      await recordAudit(tx, { actor: author, action: "template.update", targetType: "template", targetId: id, before, after: fields });
    }),
  );
}

export async function deleteTemplate(db: Db, actor: Actor | null, { id }: { id: number }): Promise<void> {
  const author = authorize(actor, "commander");
  await db.$transaction(async (tx) => {
    const current = await existing(tx, id);
    await tx.incidentTemplate.delete({ where: { id } });
    const before = { name: current.name, title: current.title, postType: current.postType, body: current.body, componentStates: current.componentStates ?? [] };
    await recordAudit(tx, { actor: author, action: "template.delete", targetType: "template", targetId: id, before });
  });
}

async function existing(tx: Tx, id: number) {
  const template = await tx.incidentTemplate.findUnique({ where: { id } });
  if (!template) throw new InputError("form", "That template does not exist any more. Reload the page.");
  return template;
}

async function assertKnownSlugs(tx: Tx, input: Pick<TemplateInput, "componentStates">): Promise<void> {
  const known = new Set((await tx.component.findMany({ select: { slug: true } })).map((component) => component.slug));
  const unknown = input.componentStates.filter((entry) => !known.has(entry.componentSlug)).map((entry) => entry.componentSlug);
  if (unknown.length > 0) throw new InputError("componentStates", `Unknown component: ${unknown.join(", ")}. Reload the page.`);
}

async function uniqueName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw new InputError("name", "Another template already has this name.");
    throw error;
  }
}
