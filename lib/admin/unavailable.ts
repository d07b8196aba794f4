// When the database cannot be reached, the admin side says so plainly: forms answer with a message
// and keep everything typed, pages show a plain explanation, button actions do not fail silently.
import { DatabaseUnavailableError, isDatabaseUnreachable } from "@/lib/db/database-errors";
import type { FormState } from "./form-state";

export const DATABASE_UNAVAILABLE_MESSAGE =
  "Publishing is unavailable: Beacon cannot reach its database. Nothing was published. Your text is still in the form — copy it or retry.";

/** The answer when the database cannot be reached: said plainly, with every submitted value kept. */
export function databaseUnavailable(values: FormState["values"], message = DATABASE_UNAVAILABLE_MESSAGE): FormState {
  return { status: "error", code: 503, message, values };
}

/** A form's work, answered with databaseUnavailable(values, message) when the database cannot be reached. */
export async function withDatabaseUnavailable<T extends FormState>(
  values: FormState["values"],
  work: () => Promise<T>,
  message?: string,
): Promise<T | FormState> {
  try {
    return await work();
  } catch (error) {
    if (isDatabaseUnreachable(error)) return databaseUnavailable(values, message);
    throw error;
  }
}

/** For button actions, which have no form to answer in: a database outage must not pass silently. */
export function throwIfUnavailable(state: FormState): void {
  if (state.code === 503) throw new DatabaseUnavailableError();
}
