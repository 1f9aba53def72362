import type { AppLoadContext } from "@remix-run/node";
import { InputError } from "../../server/validation/input-error.js";
import { eventFormSchema, type EventForm } from "../../server/events/event-schemas.js";
import { badForm, formToObject, validate } from "./forms.server";
import { isNamedError } from "../../server/errors.js";

/** Areas and series the event form offers. */
export async function eventFormOptions(context: AppLoadContext) {
  const [areas, series] = await Promise.all([context.services.areas.list(), context.services.events.series()]);
  return { areas: areas.map((a) => ({ slug: a.slug, name: a.name })), series };
}

/** Validates the submitted event form and runs `save`; field problems come back as a 400 with the values to refill. */
export async function submitEventForm(form: FormData, save: (data: EventForm) => Promise<Response>): Promise<Response> {
  const values = formToObject(form);
  const parsed = validate(eventFormSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  try {
    return await save(parsed.data);
  } catch (error) {
    if (isNamedError(error, InputError)) return badForm({ fieldErrors: { [error.field]: error.message }, values });
    throw error;
  }
}
