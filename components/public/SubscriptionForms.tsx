// The public subscription forms: subscribe, manage (choices, pause, unsubscribe) and the one-button
// confirm and unsubscribe forms. Plain HTML forms that POST: they work without JavaScript.

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

function ErrorSummary({ errors }: { errors: Record<string, string> }) {
  const messages = Object.values(errors);
  if (!messages.length) return null;
  return (
    <div role="alert" className="rounded border border-red-700 p-3 text-red-800 dark:text-red-300">
      <p className="font-semibold">Please correct this:</p>
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
function Choices({ systems, values }: { systems: SystemChoice[]; values: ChoiceValues }) {
  const chosen = new Set(values.componentIds);
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="font-semibold">What to hear about</legend>
        <span className="flex items-center gap-2">
          <input type="radio" id="scope-all" name="scope" value="all" defaultChecked={values.scope === "all"} />
          <label htmlFor="scope-all">Every component</label>
        </span>
        <span className="flex items-center gap-2">
          <input type="radio" id="scope-some" name="scope" value="some" defaultChecked={values.scope === "some"} />
          <label htmlFor="scope-some">Only the components chosen below</label>
        </span>
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="font-semibold">Components (a system includes all its components)</legend>
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
      <Checkbox name="maintenance" value="on" label="Maintenance notices too (scheduled, starting, ended)" checked={values.maintenance} />
    </>
  );
}

export function SubscribeForm(props: { systems: SystemChoice[]; email: string; values: ChoiceValues; errors: Record<string, string> }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Subscribe to updates</h1>
      <p>
        Get a mail when an incident that affects you is opened, updated or resolved. We send a confirmation link first: nothing else is sent until you follow
        it.
      </p>
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/subscribe" className="space-y-4" data-subscribe-form="">
        <span className="flex flex-col gap-1">
          <label htmlFor="email" className="font-semibold">
            Email address
          </label>
          <input id="email" name="email" type="email" autoComplete="email" required maxLength={254} defaultValue={props.email} className={FIELD} />
        </span>
        <Choices systems={props.systems} values={props.values} />
        {/* A honeypot: hidden from people and assistive technology; a bot that fills it is answered as usual and nothing is stored. */}
        <div hidden>
          <label htmlFor="website">Leave this empty</label>
          <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" className={BUTTON}>
          Subscribe
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
}

export function ManageForm(props: { systems: SystemChoice[]; view: ManageView; values: ChoiceValues; errors: Record<string, string> }) {
  const { view } = props;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">Your subscription</h1>
      <p>
        Mail for <strong>{view.email}</strong>
        {view.pending ? " (not confirmed yet: follow the link in the confirmation mail)." : "."}
      </p>
      {view.saved && (
        <p role="status" className="font-semibold">
          Your choices are saved.
        </p>
      )}
      <ErrorSummary errors={props.errors} />
      <form method="post" action="/subscribe/manage" className="space-y-4">
        <input type="hidden" name="token" value={view.manageToken} />
        <Choices systems={props.systems} values={props.values} />
        <Checkbox name="paused" value="on" label="Pause all mail for now" checked={view.paused} />
        <button type="submit" className={BUTTON}>
          Save choices
        </button>
      </form>
      <OneButtonForm action="/unsubscribe" token={view.unsubscribeToken} label="Unsubscribe" />
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
export function SubscriptionNotice({ title, message, children }: { title: string; message: string; children?: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{message}</p>
      {children}
      <p>
        <a className="underline" href="/">
          Current status
        </a>
      </p>
    </div>
  );
}
