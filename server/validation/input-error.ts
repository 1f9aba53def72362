/**
 * A problem with submitted data that a service found (an unknown city, a slug already taken), tied to the form field
 * it concerns; routes show it beside that field with a 400. One class for every domain.
 */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
