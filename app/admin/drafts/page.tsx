// Every open draft from alerts on a page of its own (the dashboard shows the same list first), so
// the parent address of a draft's page is a page too, not a 404.
import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { listOpenDrafts } from "@/lib/alerts/drafts";
import { requireRole } from "@/lib/auth/request";
import { hasRole } from "@/lib/auth/roles";
import { AdminSection } from "../_components/AdminSection";
import { AlertDrafts } from "../_components/AlertDrafts";

export const metadata: Metadata = { title: "Drafts from alerts" };

export default async function DraftsPage() {
  const actor = await requireRole("viewer");
  const [drafts, components] = await Promise.all([listOpenDrafts(db()), db().component.findMany({ select: { id: true, name: true } })]);
  const nameOf = (id: number) => components.find((component) => component.id === id)?.name ?? `#${id}`;
  if (drafts.length > 0) return <AlertDrafts drafts={drafts} nameOf={nameOf} canDecide={hasRole(actor.role, "commander")} />;
  return (
    <AdminSection id="drafts-heading" title="Drafts from alerts">
      <p>No open drafts: nothing from monitoring is waiting for a commander.</p>
    </AdminSection>
  );
}
