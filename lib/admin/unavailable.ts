// When the database cannot be reached, the admin side says so plainly: forms answer with a message
// and keep everything typed, pages show a plain explanation, button actions do not fail silently.
import type { FormState } from "./form-state";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Publishing is unavailable: Beacon cannot reach its database. Nothing was published. Your text is still in the form — copy it or retry.";

/** The answer when the database cannot be reached: said plainly, with every submitted value kept. */
export function databaseUnavailable(values: FormState["values"], message = DATABASE_UNAVAILABLE_MESSAGE): FormState {
  return { status: "error", code: 503, message, values };
}

/** The digest of an admin error that means "the database cannot be reached" (Next keeps a thrown error's own digest). */
export const DATABASE_UNAVAILABLE_DIGEST = "BEACON_DATABASE_UNAVAILABLE";

/** Carries the digest to the admin's error page; `unreachable` lets isDatabaseUnreachable recognise it again. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  readonly unreachable = true;
  constructor(options?: { cause?: unknown }) {
    super("The database cannot be reached — publishing is unavailable.", options);
  }
}

/** For button actions, which have no form to answer in: a database outage must not pass silently. */
export function throwIfUnavailable(state: FormState): void {
  if (state.code === 503) throw new DatabaseUnavailableError();
}
