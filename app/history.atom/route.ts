import { historyFeedRoute } from "@/lib/http/public-routes";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = historyFeedRoute("atom");
export const HEAD = GET;
export const OPTIONS = preflight;
