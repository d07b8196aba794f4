// The public subscription forms: subscribe, manage (choices, pause, unsubscribe) and the one-button
// confirm and unsubscribe forms. Plain HTML forms that POST: they work without JavaScript. Their
// actions keep the page's `?lang`/`?tz`, so the answers come back in the reader's language.
import { Rich } from "@/components/public/Rich";
import { type I18n, LANGUAGE_NAMES, type Locale, LOCALES } from "@/lib/i18n";
import { FIELD_MESSAGE_VALUES, type FieldMessages } from "@/lib/subscriptions/validation";

export interface SystemChoice {
  id: number;
  name: string;
  children: { id: number; name: string }[];
}

export interface ChoiceValues {
  scope: "all" | "some";
  componentIds: number[];
  maintenance: boolean;
}

const FIELD = "rounded border border-zinc-400 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
const BUTTON = "rounded bg-zinc-900 px-4 py-2 font-semibold text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900";

function ErrorSummary({ errors, i18n }: { errors: FieldMessages; i18n: I18n }) {
  const messages = [...new Set(Object.values(errors))].map((key) => i18n.t(key, FIELD_MESSAGE_VALUES));
  if (!messages.length) return null;
  return (
    <div role="alert" className="rounded border border-red-700 p-3 text-red-800 dark:text-red-300">
      <p className="font-semibold">{i18n.t("subscribe.correct")}</p>
      <ul className="list-disc pl-5">
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

function Checkbox({ name, value, label, checked }: { name: string; value: string; label: string; checked: boolean }) {
  const id = `${name}-${value}`;
  return (
    <span className="flex items-center gap-2">
      <input type="checkbox" id={id} name={name} value={value} defaultChecked={checked} />
      <label htmlFor={id}>{label}</label>
    </span>
  );
}

/** All components, or some: one checkbox per system (with its sub-components) and per sub-component. */
function Choices({ systems, values, i18n }: { systems: SystemChoice[]; values: ChoiceValues; i18n: I18n }) {
  const chosen = new Set(values.componentIds);
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{i18n.t("subscribe.whatToHear")}</legend>
        <span className="flex items-center gap-2">
          <input type="radio" id="scope-all" name="scope" value="all" defaultChecked={values.scope === "all"} />
          <label htmlFor="scope-all">{i18n.t("subscribe.everyComponent")}</label>
        </span>
        <span className="flex items-center gap-2">
          <input type="radio" id="scope-some" name="scope" value="some" defaultChecked={values.scope === "some"} />
          <label htmlFor="scope-some">{i18n.t("subscribe.someComponents")}</label>
        </span>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">{i18n.t("subscribe.components")}</legend>
        <ul className="space-y-2">
          {systems.map((system) => (
            <li key={system.id} data-system-choice={system.id}>
              <Checkbox name="component" value={String(system.id)} label={system.name} checked={chosen.has(system.id)} />
              {system.children.length > 0 && (
                <ul className="mt-1 space-y-1 pl-6">
                  {system.children.map((child) => (
                    <li key={child.id}>
                      <Checkbox name="component" value={String(child.id)} label={child.name} checked={chosen.has(child.id)} />
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </fieldset>
      <Checkbox name="maintenance" value="on" label={i18n.t("subscribe.maintenance")} checked={values.maintenance} />
    </>
  );
}

export function SubscribeForm(props: { systems: SystemChoice[]; email: string; values: ChoiceValues; errors: FieldMessages; i18n: I18n }) {
  const { i18n } = props;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{i18n.t("site.subscribe")}</h1>
      <p>{i18n.t("subscribe.intro")}</p>
      <ErrorSummary errors={props.errors} i18n={i18n} />
      <form method="post" action={i18n.href("/subscribe")} className="space-y-4" data-subscribe-form="">
        <span className="flex flex-col gap-1">
          <label htmlFor="email" className="font-semibold">
            {i18n.t("subscribe.email")}
          </label>
          <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={props.email} className={FIELD} />
        </span>
        <Choices systems={props.systems} values={props.values} i18n={i18n} />
        {/* A honeypot: hidden from people and assistive technology; a bot that fills it is answered as usual and nothing is stored. */}
        <div hidden>
          <label htmlFor="website">{i18n.t("subscribe.honeypot")}</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className={BUTTON}>
          {i18n.t("subscribe.submit")}
        </button>
      </form>
    </div>
  );
}

export interface ManageView {
  email: string;
  pending: boolean;
  paused: boolean;
  manageToken: string;
  unsubscribeToken: string;
  saved: boolean;
  /** The language its mails are written in. */
  locale: Locale;
}

export function ManageForm(props: { systems: SystemChoice[]; view: ManageView; values: ChoiceValues; errors: FieldMessages; i18n: I18n }) {
  const { view, i18n } = props;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{i18n.t("subscribe.manageTitle")}</h1>
      <p>
        <Rich parts={i18n.parts(view.pending ? "subscribe.mailForPending" : "subscribe.mailFor", { email: <strong>{view.email}</strong> })} />
      </p>
      {view.saved && (
        <p role="status" className="font-semibold">
          {i18n.t("subscribe.saved")}
        </p>
      )}
      <ErrorSummary errors={props.errors} i18n={i18n} />
      <form method="post" action={i18n.href("/subscribe/manage")} className="space-y-4">
        <input type="hidden" name="token" value={view.manageToken} />
        <Choices systems={props.systems} values={props.values} i18n={i18n} />
        <Checkbox name="paused" value="on" label={i18n.t("subscribe.pause")} checked={view.paused} />
        <span className="flex flex-col gap-1">
          <label htmlFor="language" className="font-semibold">
            {i18n.t("subscribe.language")}
          </label>
          <select id="language" name="language" defaultValue={view.locale} className={`${FIELD} self-start`}>
            {LOCALES.map((locale) => (
              <option key={locale} value={locale} lang={locale}>
                {LANGUAGE_NAMES[locale]}
              </option>
            ))}
          </select>
        </span>
        <button type="submit" className={BUTTON}>
          {i18n.t("subscribe.save")}
        </button>
      </form>
      <OneButtonForm action={i18n.href("/unsubscribe")} token={view.unsubscribeToken} label={i18n.t("subscribe.unsubscribe")} />
    </div>
  );
}

/** Confirm and unsubscribe: a GET only shows this button (mail scanners follow links); the POST acts. */
export function OneButtonForm({ action, token, label }: { action: string; token: string; label: string }) {
  return (
    <form method="post" action={action}>
      <input type="hidden" name="token" value={token} />
      <button type="submit" className={BUTTON}>
        {label}
      </button>
    </form>
  );
}

/** The outcome pages: sent, confirmed, unsubscribed, and the clear 4xx of a bad link. */
export function SubscriptionNotice({ title, message, i18n, children }: { title: string; message: string; i18n: I18n; children?: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{message}</p>
      {children}
      <p>
        <a className="underline" href={i18n.href("/")}>
          {i18n.t("site.currentStatus")}
        </a>
      </p>
    </div>
  );
}
