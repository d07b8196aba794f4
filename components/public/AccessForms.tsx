// The reader's sign-in to a private site (/access): the shared password, a magic link by mail, the
// button a mailed link leads to, and the reader's feed addresses. Plain HTML forms: no JavaScript.
// Every text is the reader's language (lib/i18n); every action keeps `?lang`/`?tz`, so the answer is too.
import type { I18n, MessageKey } from "@/lib/i18n";

const FIELD = "rounded border border-zinc-400 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
const BUTTON = "rounded bg-zinc-900 px-4 py-2 font-semibold text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900";

export interface AccessView {
  /** Where to go after signing in (already validated). */
  returnPath: string;
  password: boolean;
  mail: boolean;
  /** A message above the forms: a wrong password, a sent link. */
  message?: { text: string; alert: boolean };
  /** A mailed link's token: the page shows only its one button (mail scanners follow links). */
  link?: string;
}

function ReturnField({ path }: { path: string }) {
  return <input type="hidden" name="return" value={path} />;
}

/** One way in: a single field and its button. */
function SignInForm({
  action,
  field,
  returnPath,
  i18n,
}: {
  action: string;
  field: { id: string; name: string; type: string; autoComplete: string; label: MessageKey; button: MessageKey };
  returnPath: string;
  i18n: I18n;
}) {
  return (
    <form method="post" action={i18n.href(action)} className="space-y-2">
      <ReturnField path={returnPath} />
      <p>
        <label htmlFor={field.id} className="block font-semibold">
          {i18n.t(field.label)}
        </label>
        <input id={field.id} name={field.name} type={field.type} autoComplete={field.autoComplete} required className={FIELD} />
      </p>
      <button type="submit" className={BUTTON}>
        {i18n.t(field.button)}
      </button>
    </form>
  );
}

const PASSWORD_FIELD = {
  id: "access-password",
  name: "password",
  type: "password",
  autoComplete: "current-password",
  label: "access.password",
  button: "access.signIn",
} as const;
const EMAIL_FIELD = { id: "access-email", name: "email", type: "email", autoComplete: "email", label: "access.email", button: "access.mailLink" } as const;

export function AccessForms({ view, i18n }: { view: AccessView; i18n: I18n }) {
  if (view.link)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">{i18n.t("access.linkTitle")}</h1>
        <form method="post" action={i18n.href("/access/link")} className="space-y-4">
          <input type="hidden" name="token" value={view.link} />
          <ReturnField path={view.returnPath} />
          <button type="submit" className={BUTTON}>
            {i18n.t("access.signIn")}
          </button>
        </form>
      </div>
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{i18n.t("access.privateTitle")}</h1>
      {view.message && (
        <p role={view.message.alert ? "alert" : "status"} className={view.message.alert ? "font-semibold text-red-800 dark:text-red-300" : "font-semibold"}>
          {view.message.text}
        </p>
      )}
      {view.password && <SignInForm action="/access" field={PASSWORD_FIELD} returnPath={view.returnPath} i18n={i18n} />}
      {view.mail && <SignInForm action="/access/mail" field={EMAIL_FIELD} returnPath={view.returnPath} i18n={i18n} />}
      {!view.password && !view.mail && <p>{i18n.t("access.networkOnly")}</p>}
      <form method="post" action={i18n.href("/access/feed-token")}>
        <button type="submit" className="underline">
          {i18n.t("access.feedButton")}
        </button>
      </form>
    </div>
  );
}

/** The signed-in reader's personal feed and API addresses; they work until an admin rotates feed tokens. The page's header links back to the status. */
export function FeedAddresses({ token, baseUrl, i18n }: { token: string; baseUrl: string; i18n: I18n }) {
  const feeds = ["/history.atom", "/history.rss", "/history.json", "/maintenance.ics"].map((path) => `${baseUrl}${path}?token=${token}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{i18n.t("access.feedTitle")}</h1>
      <p>{i18n.t("access.feedText")}</p>
      <ul className="list-disc space-y-1 pl-5 break-all">
        {feeds.map((feed) => (
          <li key={feed}>
            <code>{feed}</code>
          </li>
        ))}
      </ul>
      <p>
        {i18n.t("access.token")} <code className="break-all">{token}</code>
      </p>
    </div>
  );
}
