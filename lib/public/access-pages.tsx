// The public URLs of a private site's gate (lib/access) as entries of the endpoint table: /access,
// where readers sign in (made per request: it carries the return path or a mailed link's token),
// and /robots.txt, which disallows everything while the site is private. Both stay open while the
// rest of the table is behind the gate (lib/public/access-gate.ts); the forms POST to
// lib/public/access-forms.tsx, which renders its answers with accessPage.
import * as z from "zod";
import { AccessForms, type AccessView } from "@/components/public/AccessForms";
import { currentAccessConfig } from "@/lib/access/config";
import { safePublicReturnPath } from "@/lib/auth/return-path";
import { ENGLISH } from "@/lib/i18n";
import type { AnyEndpoint, Endpoint } from "@/lib/public/endpoints";
import { renderDocument } from "@/lib/public/render";
import { CONTENT_TYPES, type Rendered, type RenderContext } from "@/lib/public/rendered";
import { loadEnv } from "@/lib/runtime/env";

export const ACCESS_PATH = "/access";

type PageContext = Pick<RenderContext, "baseUrl" | "i18n">;

export function accessDocument(status: number, title: string, ctx: PageContext, body: React.ReactNode): Rendered {
  const meta = { title: `${title} · Beacon status`, description: title, path: ACCESS_PATH, faviconState: null };
  return { status, body: renderDocument(meta, ctx.baseUrl, body, ctx.i18n ?? ENGLISH), contentType: CONTENT_TYPES.html };
}

/** Which ways in the page offers (a password, mail links); read from the gate's copy of the settings. */
export async function waysIn(): Promise<{ private: boolean; password: boolean; mail: boolean }> {
  const config = await currentAccessConfig();
  return { private: config.private, password: config.passwordHash !== null, mail: loadEnv().mail !== null && config.emailDomains.length > 0 };
}

export function accessPage(status: number, view: AccessView & { private: boolean }, ctx: PageContext): Rendered {
  if (!view.private)
    return accessDocument(
      200,
      "This status page is public",
      ctx,
      <p>
        Nobody needs to sign in.{" "}
        <a className="underline" href={view.returnPath}>
          Go to the status page
        </a>
      </p>,
    );
  return accessDocument(status, "Sign in", ctx, <AccessForms view={view} />);
}

const accessQuery = z.object({
  return: z.string().max(2000).optional().catch(undefined),
  link: z
    .string()
    .regex(/^[\w-]{20,64}$/)
    .optional()
    .catch(undefined),
  sent: z.literal("1").optional().catch(undefined),
});

const accessEndpoint: Endpoint<Record<string, never>, z.infer<typeof accessQuery>, Awaited<ReturnType<typeof waysIn>>> = {
  path: ACCESS_PATH,
  kind: "page",
  snapshot: "skip",
  cache: "none",
  query: accessQuery,
  read: waysIn,
  render: (ways, ctx) => {
    const message = ctx.query.sent
      ? { text: "If this address may read the page, a sign-in link is on its way. It works once, for 15 minutes.", alert: false }
      : undefined;
    return accessPage(200, { ...ways, returnPath: safePublicReturnPath(ctx.query.return), link: ctx.query.link, message }, ctx);
  },
};

const robotsEndpoint: Endpoint<Record<string, never>, Record<string, never>, { private: boolean }> = {
  path: "/robots.txt",
  kind: "payload",
  snapshot: "skip",
  read: async () => ({ private: (await currentAccessConfig()).private }),
  render: (site) => ({
    status: 200,
    body: site.private ? "User-agent: *\nDisallow: /\n" : "User-agent: *\nDisallow: /admin\nAllow: /\n",
    contentType: "text/plain; charset=utf-8",
  }),
};

/** Open while private: the sign-in page and the crawlers' instructions. */
// The brand's images too: the sign-in page shows the logo and the favicon.
export const OPEN_WHILE_PRIVATE: ReadonlySet<string> = new Set([ACCESS_PATH, robotsEndpoint.path, "/brand/logo", "/brand/favicon"]);

export const ACCESS_ENDPOINTS: readonly AnyEndpoint[] = [accessEndpoint as AnyEndpoint, robotsEndpoint as AnyEndpoint];
