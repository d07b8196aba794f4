// One table of /admin/metrics as a CSV file, for the same form values (viewers and up).
import { adminNow } from "@/lib/admin/clock";
import { requireRole } from "@/lib/auth/request";
import { AccessDenied } from "@/lib/auth/roles";
import { toCsv } from "@/lib/metrics/csv";
import { METRICS_TABLE_IDS } from "@/lib/metrics/tables";
import { loadMetricsView } from "../../load";

export async function GET(request: Request, { params }: RouteContext<"/admin/metrics/csv/[table]">): Promise<Response> {
  try {
    await requireRole("viewer", "action");
  } catch (error) {
    if (error instanceof AccessDenied) return new Response(error.message, { status: error.status });
    throw error;
  }
  const { table: id } = await params;
  if (!(METRICS_TABLE_IDS as readonly string[]).includes(id)) return new Response("No such table.", { status: 404 });
  const view = await loadMetricsView(new URL(request.url).searchParams, await adminNow());
  const table = view.tables.find((candidate) => candidate.id === id);
  if (!table) return new Response(Object.values(view.errors).join("\n"), { status: 422 });
  const name = `beacon-${table.id}-${view.periods[0]?.label}-${view.periods[view.periods.length - 1]?.label}-${view.query?.period}.csv`;
  return new Response(toCsv(table.columns, table.rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
