import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { requireRole } from "@/lib/auth/request";
import { staleAfterMinutes } from "@/lib/admin/settings";
import { loadWorkingHours } from "@/lib/admin/working-hours";
import { loadBrand } from "@/lib/branding/settings";
import { WEEKDAY_NAMES } from "@/lib/metrics/working-hours";
import { clockText, WEEKDAY_FIELDS } from "@/lib/validation/working-hours";
import { AdminForm } from "../_components/AdminForm";
import { AdminSection } from "../_components/AdminSection";
import { updateSettingsAction, updateWorkingHoursAction } from "./actions";
import { PageLanguage } from "./PageLanguage";
import { PrivateAccess } from "./PrivateAccess";
import { YourPage } from "./YourPage";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requireRole("admin");
  const [stale, working, brand] = await Promise.all([staleAfterMinutes(db()), loadWorkingHours(db()), loadBrand(db())]);
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
      <AdminSection id="working-hours-heading" title="Working hours">
        <p>
          <a href="/admin/metrics">Metrics</a> count the incidents that began outside these hours, and cut weeks, months and quarters at midnight in this time
          zone. Write each day's hours as 09:00-17:00; leave a day off empty.{" "}
          {working.source === "default" ? "Not set yet: Monday to Friday, 09:00–17:00 UTC." : ""}
        </p>
        <AdminForm
          action={updateWorkingHoursAction}
          submitLabel="Save working hours"
          idPrefix="hours-"
          fields={[
            {
              kind: "text",
              name: "timeZone",
              label: "Time zone",
              value: working.hours.timeZone,
              hint: "A name from the tz database: Europe/Berlin, America/New_York, UTC.",
            },
            ...WEEKDAY_FIELDS.map((name, index) => {
              const span = working.hours.days[index];
              return {
                kind: "text" as const,
                name,
                label: WEEKDAY_NAMES[index] ?? name,
                value: span ? `${clockText(span.start)}-${clockText(span.end)}` : "",
              };
            }),
          ]}
        />
      </AdminSection>
      <YourPage brand={brand} />
      <PageLanguage />
      <PrivateAccess />
    </div>
  );
}
