import { maintenancesJson } from "@/lib/formats/statuspage";
import { statuspageRoute } from "@/lib/http/public-routes";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = statuspageRoute(async (site, newest) => maintenancesJson(site, { newest: await newest("maintenance") }));
export const HEAD = GET;
export const OPTIONS = preflight;
