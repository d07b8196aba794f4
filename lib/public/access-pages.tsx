// The public URLs of a private site's gate (lib/access) as entries of the endpoint table: /access,
// where readers sign in (made per request: it carries the return path or a mailed link's token),
// and /robots.txt, which disallows everything while the site is private. Both stay open while the
// rest of the table is behind the gate (lib/public/access-gate.ts); the forms POST to
// lib/public/access-forms.tsx, which renders its answers with accessPage. The page speaks the
// reader's language (`?lang`, the cookie's redirect, else the page's default) like every page.
import * as z from "zod";
import { AccessForms, type AccessView } from "@/components/public/AccessForms";
import { currentAccessConfig } from "@/lib/access/config";
import { safePublicReturnPath } from "@/lib/auth/return-path";
import { LINK_MINUTES } from "@/lib/access/readers";
import { ENGLISH, i18nFor, localeSchema } from "@/lib/i18n";
import type { AnyEndpoint, Endpoint } from "@/lib/public/endpoints";
import type { PageContext } from "@/lib/public/form-requests";
import { page } from "@/lib/public/pages";
import type { Rendered } from "@/lib/public/rendered";
import { loadEnv } from "@/lib/runtime/env";
import { withQueryParam } from "@/lib/text/query-params";

export const ACCESS_PATH = "/access";

/** The sign-in page's address for a reader who asked for `target`. */
export function accessPath(target: string): string {
  const back = safePublicReturnPath(target);
  return back === "/" ? ACCESS_PATH : `${ACCESS_PATH}?return=${encodeURIComponent(back)}`;
}

/**
 * A page of the sign-in, titled with the page's name like every public page; `path` is its own
 * address, which its language links return to (with the reader's `return=`).
 */
export function accessDocument(status: number, title: string, ctx: PageContext, body: React.ReactNode, path = ACCESS_PATH): Rendered {
  return page(status, { title, description: title, path, faviconState: null }, ctx, body);
}

/** Which ways in the page offers (a password, mail links); read from the gate's copy of the settings. */
export async function waysIn(): Promise<{ private: boolean; password: boolean; mail: boolean }> {
  const config = await currentAccessConfig();
  return { private: config.private, password: config.passwordHash !== null, mail: loadEnv().mail !== null && config.emailDomains.length > 0 };
}

export function accessPage(status: number, view: AccessView & { private: boolean }, ctx: PageContext): Rendered {
  const { i18n } = ctx;
  if (!view.private)
    return accessDocument(
      200,
      i18n.t("access.publicTitle"),
      ctx,
      <p>
        {i18n.t("access.publicText")}{" "}
        <a className="underline" href={view.returnPath}>
          {i18n.t("access.goToPage")}
        </a>
      </p>,
    );
  // A reader switching language here still goes on to the page they asked for — without its old
  // `?lang=`, so the remembered new choice leads there in the new language.
  const path = accessPath(withQueryParam(view.returnPath, "lang", undefined));
  return accessDocument(status, i18n.t("access.signIn"), ctx, <AccessForms view={view} i18n={i18n} />, path);
}

/** The gate sends a reader of `/history?lang=de` to `/access?return=…`: the page then speaks the language of the page they asked for. */
function languageOfReturn(returnPath: string) {
  const lang = localeSchema.safeParse(new URL(returnPath, "http://local").searchParams.get("lang"));
  return lang.success ? lang.data : undefined;
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
    const returnPath = safePublicReturnPath(ctx.query.return);
    const chosen = ctx.i18n ?? ENGLISH;
    const lang = chosen.choice.lang ?? languageOfReturn(returnPath);
    const i18n = lang ? i18nFor({ ...chosen.choice, lang }) : chosen;
    const message = ctx.query.sent ? { text: i18n.t("access.linkSent", { minutes: LINK_MINUTES }), alert: false } : undefined;
    return accessPage(200, { ...ways, returnPath, link: ctx.query.link, message }, { baseUrl: ctx.baseUrl, i18n, brand: ctx.brand });
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
