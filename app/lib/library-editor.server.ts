import { json, type AppLoadContext } from "@remix-run/node";
import type { LibraryItem } from "../../db/repositories/library-queries.js";
import { isStaff, type Actor } from "../../server/auth/permissions.js";
import { InputError } from "../../server/validation/input-error.js";
import { libraryFormSchema, type LibraryForm } from "../../server/library/library-schemas.js";
import { isNamedError } from "../../server/errors.js";
import { cityFieldMessage } from "~/lib/city-field.server";
import { badForm, formToObject, validate } from "~/lib/forms.server";
import { t } from "../../domain/i18n";
import type { LibraryFormOptions } from "~/components/library-item-form";

/** Options for the item form: areas, and for staff the events to link (the city field asks for towns as one types). */
export async function libraryFormOptions(context: AppLoadContext, actor: Actor): Promise<LibraryFormOptions> {
  const { areas: areaService, events: eventService } = context.services;
  const staff = isStaff(actor);
  const [areas, events] = await Promise.all([areaService.list(), staff ? eventService.recentTitles(300) : Promise.resolve([])]);
  return {
    staff,
    areas: areas.map((a) => ({ slug: a.slug, name: a.name })),
    events,
    ownCityName: context.user?.cityName ?? null,
  };
}

/** The form values of a stored item (for the edit form); `cityText` is the city field's text (cities.fieldText). */
export function itemFormValues(item: LibraryItem, cityText: string): Record<string, unknown> {
  return {
    kind: item.kind,
    title: item.title,
    slug: item.slug,
    summary: item.summary,
    body: item.bodySource,
    areas: item.areas.map((a) => a.slug),
    tags: item.tags.join(", "),
    authors: item.authors.join(", "),
    city: cityText,
    event: item.event?.slug ?? "",
    year: item.year ?? "",
    publishedOn: item.publishedOn ?? "",
    externalUrl: item.externalUrl ?? "",
    videoUrl: item.videoUrl ?? "",
    durationMinutes: item.durationMinutes ?? "",
    problem: item.problem ?? "",
    solution: item.solution ?? "",
    results: item.results ?? "",
    costAndFunding: item.costAndFunding ?? "",
    period: item.period ?? "",
    contact: item.contact ?? "",
  };
}

/** Validates a submitted item form and runs `save`; field errors come back as a 400 with the values refilled. */
export async function submitLibraryForm(context: AppLoadContext, form: FormData, save: (data: LibraryForm) => Promise<Response>): Promise<Response> {
  const limited = await context.services.limiter.hit(`library-save:${context.user?.id ?? context.clientIp}`, 60, 10 * 60_000);
  if (!limited.allowed) throw json({ message: t.common.errors.rateLimited(Math.ceil(limited.retryAfterMs / 60_000)) }, { status: 429 });
  const values = formToObject(form);
  const checked = validate(libraryFormSchema, values);
  if (!checked.ok) return badForm({ fieldErrors: checked.fieldErrors, values });
  if (checked.data.city) {
    // The field takes a typed town name; the service links items by slug.
    const city = await context.services.cities.resolveNameOrSlug(checked.data.city);
    if (city.status !== "found") return badForm({ fieldErrors: { city: cityFieldMessage(checked.data.city, city) }, values });
    checked.data.city = city.city.slug;
  }
  try {
    return await save(checked.data);
  } catch (error) {
    if (isNamedError(error, InputError)) return badForm({ fieldErrors: { [error.field]: error.message }, values });
    throw error;
  }
}
