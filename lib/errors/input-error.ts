/** A failure the person can fix, tied to the form field it concerns ("form" for the whole form). Shown as is. */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
