import { v3IssuesRoute } from "@/lib/http/public-routes";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = v3IssuesRoute;
export const HEAD = GET;
export const OPTIONS = preflight;
