import { openApiDocument } from "@/lib/api/openapi";
import { loadEnv } from "@/lib/runtime/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(loadEnv().publicUrl), { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
}
