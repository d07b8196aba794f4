import { PUBLIC_ENDPOINTS } from "@/lib/http/public-endpoints";
import { preflight } from "@/lib/http/public-response";

export const dynamic = "force-dynamic";
export const GET = PUBLIC_ENDPOINTS["/api/v3/issues"];
export const HEAD = GET;
export const OPTIONS = preflight;
