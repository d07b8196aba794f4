import { summaryJson } from "@/lib/formats/statuspage";
import { statuspageRoute } from "@/lib/http/public-routes";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = statuspageRoute(summaryJson);
export const HEAD = GET;
export const OPTIONS = preflight;
