import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { loadComponentStates } from "@/lib/incidents/admin-queries";
import { PublishForm } from "../../_components/PublishForm";
import { openIncidentAction } from "../actions";

export const metadata: Metadata = { title: "New incident" };

export default async function NewIncidentPage() {
  await requireRole("commander");
  const components = await loadComponentStates(db(), new Date());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">New incident</h1>
      <PublishForm action={openIncidentAction} components={components} idempotencyKey={randomUUID()} initialType="investigating" />
    </div>
  );
}
