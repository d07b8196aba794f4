// The reader's sign-in to a private site (/access): the shared password, a magic link by mail, the
// button a mailed link leads to, and the reader's feed addresses. Plain HTML forms: no JavaScript.

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

export function AccessForms({ view }: { view: AccessView }) {
  if (view.link)
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-bold">Sign in to the status page</h1>
        <form method="post" action="/access/link" className="space-y-4">
          <input type="hidden" name="token" value={view.link} />
          <ReturnField path={view.returnPath} />
          <button type="submit" className={BUTTON}>
            Sign in
          </button>
        </form>
      </div>
    );
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">This status page is private</h1>
      {view.message && (
        <p role={view.message.alert ? "alert" : "status"} className={view.message.alert ? "font-semibold text-red-800 dark:text-red-300" : "font-semibold"}>
          {view.message.text}
        </p>
      )}
      {view.password && (
        <form method="post" action="/access" className="space-y-2">
          <ReturnField path={view.returnPath} />
          <p>
            <label htmlFor="access-password" className="block font-semibold">
              Password
            </label>
            <input id="access-password" name="password" type="password" autoComplete="current-password" required className={FIELD} />
          </p>
          <button type="submit" className={BUTTON}>
            Sign in
          </button>
        </form>
      )}
      {view.mail && (
        <form method="post" action="/access/mail" className="space-y-2">
          <ReturnField path={view.returnPath} />
          <p>
            <label htmlFor="access-email" className="block font-semibold">
              Your work email
            </label>
            <input id="access-email" name="email" type="email" autoComplete="email" required className={FIELD} />
          </p>
          <button type="submit" className={BUTTON}>
            Mail me a sign-in link
          </button>
        </form>
      )}
      {!view.password && !view.mail && <p>Readers get in from the organisation&apos;s network only.</p>}
      <form method="post" action="/access/feed-token">
        <button type="submit" className="underline">
          Feed address for my feed reader (signed-in readers)
        </button>
      </form>
    </div>
  );
}

/** The signed-in reader's personal feed and API addresses; they work until an admin rotates feed tokens. */
export function FeedAddresses({ token, baseUrl }: { token: string; baseUrl: string }) {
  const feeds = ["/history.atom", "/history.rss", "/history.json", "/maintenance.ics"].map((path) => `${baseUrl}${path}?token=${token}`);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your feed addresses</h1>
      <p>These addresses carry your personal token: keep them to yourself. Read APIs take it as `Authorization: Bearer` too.</p>
      <ul className="list-disc space-y-1 pl-5 break-all">
        {feeds.map((feed) => (
          <li key={feed}>
            <code>{feed}</code>
          </li>
        ))}
      </ul>
      <p>
        Token: <code className="break-all">{token}</code>
      </p>
      <p>
        <a className="underline" href="/">
          Current status
        </a>
      </p>
    </div>
  );
}
