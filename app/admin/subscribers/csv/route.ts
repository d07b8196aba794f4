// Every subscriber as a CSV file (viewers and up), with consent time and address.
import { requireRole } from "@/lib/auth/request";
import { AccessDenied } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { toCsv } from "@/lib/metrics/csv";
import { listSubscribers, SUBSCRIBER_CSV_COLUMNS, subscriberCsvRow } from "@/lib/subscriptions/admin";

export async function GET(): Promise<Response> {
  try {
    await requireRole("viewer", "action");
  } catch (error) {
    if (error instanceof AccessDenied) return new Response(error.message, { status: error.status });
    throw error;
  }
  const rows = await listSubscribers(db(), "", null);
  return new Response(toCsv(SUBSCRIBER_CSV_COLUMNS, rows.map(subscriberCsvRow)), {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="beacon-subscribers.csv"', "Cache-Control": "no-store" },
  });
}
