import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { staleAfterMinutes } from "@/lib/admin/settings";
import { AdminForm } from "../_components/AdminForm";
import { updateSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireRole("admin");
  const stale = await staleAfterMinutes(db());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Settings</h1>
      <p>Changes are recorded in the audit log.</p>
      <AdminForm
        action={updateSettingsAction}
        submitLabel="Save settings"
        fields={[
          {
            kind: "number",
            name: "staleAfterMinutes",
            label: "Warn when an open incident has had no public update for (minutes)",
            value: stale.source === "setting" ? String(stale.minutes) : "",
            hint: `Empty: the server's default, ${stale.defaultMinutes} minutes (BEACON_STALE_AFTER_MINUTES). Now: ${stale.minutes} minutes.`,
          },
        ]}
      />
    </div>
  );
}
