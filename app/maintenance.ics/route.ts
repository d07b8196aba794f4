import { maintenanceCalendarRoute } from "@/lib/http/public-routes";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = maintenanceCalendarRoute;
export const HEAD = GET;
export const OPTIONS = preflight;
