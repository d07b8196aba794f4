import { loadEnv } from "@/lib/runtime/env";
import { feedAlternates } from "@/lib/formats/feed-links";

export const dynamic = "force-dynamic";

/** `/feed` is the Atom feed's short address. */
export function GET(): Response {
  return Response.redirect(feedAlternates(loadEnv().publicUrl).atom.href, 308);
}
