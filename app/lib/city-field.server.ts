import type { AppLoadContext } from "@remix-run/node";
import { t } from "../../domain/i18n";
import type { CityResolution } from "../../server/cities/city-field.js";

/** The city a form names, or the Polish message to show by the city field (the typed text stays in the form). */
export type CityFieldResult = { ok: true; cityId: number | null } | { ok: false; message: string };

/** The message for a typed name that is not one confirmed town. */
export function cityFieldMessage(typed: string, r: Exclude<CityResolution, { status: "found" }>): string {
  return r.status === "ambiguous" ? t.cityField.ambiguous(r.name, r.options.map((o) => o.label)) : t.cityField.unknown(typed);
}

/**
 * Resolves the city field of the register and account forms: the typed name wins; a bare town id (older forms,
 * scripts) is passed on for the service to check; neither means no city.
 */
export async function resolveCityField(context: AppLoadContext, data: { city: string | null; cityId: number | null }): Promise<CityFieldResult> {
  if (data.city === null) return { ok: true, cityId: data.cityId };
  const r = await context.services.cities.resolveName(data.city);
  return r.status === "found" ? { ok: true, cityId: r.city.id } : { ok: false, message: cityFieldMessage(data.city, r) };
}
