import type { Db } from "../../db/index.js";
import { countConfirmedByNameKey, findCityById, findCityBySlug, listConfirmedCitiesByNameKey, suggestCities, type CityChoice, type CityMatch } from "../../db/repositories/cities.js";
import { cityNameKey } from "../../domain/city-name-key.js";

/** How many suggestions the city field shows at most. */
export const CITY_SUGGESTION_LIMIT = 10;

/** A town as the city field names it: the name, and its voivodeship to tell same-named towns apart. */
export type CityOption = { name: string; voivodeship: string; label: string };

/** What a typed town name means: one town, several towns of that name (the person must pick), or none. */
export type CityResolution =
  | { status: "found"; city: CityMatch }
  | { status: "ambiguous"; name: string; options: CityOption[] }
  | { status: "unknown" };

/** "Nowe Miasto (mazowieckie)": the form a person types to pick one of several towns of one name. */
export function cityLabel(c: { name: string; voivodeship: string }): string {
  return `${c.name} (${c.voivodeship})`;
}

const option = (c: CityChoice): CityOption => ({ name: c.name, voivodeship: c.voivodeship, label: cityLabel(c) });

// "Nowe Miasto (mazowieckie)", "Nowe Miasto (woj. mazowieckie)", "Nowe Miasto, mazowieckie".
const withVoivodeship = /^(.+?)\s*(?:\((?:woj(?:ewództwo)?\.?\s*)?([^()]+)\)|,\s*(?:woj(?:ewództwo)?\.?\s*)?([^,()]+))\s*$/iu;

/**
 * Resolves what someone typed into the city field against the confirmed towns: the name in any case, with or
 * without Polish letters; a name several towns share needs its voivodeship ("Name (województwo)").
 */
export async function resolveCityName(db: Db, typed: string): Promise<CityResolution> {
  const text = typed.trim();
  const plain = await listConfirmedCitiesByNameKey(db, cityNameKey(text));
  if (plain.length === 1) return { status: "found", city: plain[0] };
  const m = withVoivodeship.exec(text);
  if (m) {
    const named = await listConfirmedCitiesByNameKey(db, cityNameKey(m[1]));
    const voivodeship = cityNameKey(m[2] ?? m[3]);
    const picked = named.filter((c) => cityNameKey(c.voivodeship) === voivodeship);
    if (picked.length === 1) return { status: "found", city: picked[0] };
    if (named.length > 1) return { status: "ambiguous", name: named[0].name, options: named.map(option) };
  }
  if (plain.length > 1) return { status: "ambiguous", name: plain[0].name, options: plain.map(option) };
  return { status: "unknown" };
}

/**
 * Resolves a library editor's city: a town name as above, or a slug (older forms, scripts, and the field's text for
 * a place an import created, which is unconfirmed and so has no name to type).
 */
export async function resolveCityNameOrSlug(db: Db, typed: string): Promise<CityResolution> {
  const byName = await resolveCityName(db, typed);
  if (byName.status !== "unknown") return byName;
  const bySlug = await findCityBySlug(db, typed.trim());
  return bySlug ? { status: "found", city: { id: bySlug.id, slug: bySlug.slug, name: bySlug.name, voivodeship: bySlug.voivodeship } } : byName;
}

/**
 * The text the city field shows for a stored city: its name, with the voivodeship when the name is shared; an
 * unconfirmed place (only the library editor meets one) shows its slug, which resolveCityNameOrSlug takes back.
 */
export async function cityFieldText(db: Db, cityId: number | null): Promise<string> {
  if (cityId === null) return "";
  const city = await findCityById(db, cityId);
  if (!city) return "";
  if (!city.confirmed) return city.slug;
  const namesakes = await listConfirmedCitiesByNameKey(db, city.nameKey);
  return namesakes.length > 1 ? cityLabel(city) : city.name;
}

/** Suggestions for a typed fragment: public fields of confirmed towns only, at most CITY_SUGGESTION_LIMIT. */
export async function cityFieldSuggestions(db: Db, fragment: string): Promise<CityOption[]> {
  const q = fragment.trim().slice(0, 80);
  if (!q) return [];
  const found = await suggestCities(db, q, CITY_SUGGESTION_LIMIT);
  // A name several towns share is labelled with its voivodeship, so picking it resolves to that one town.
  const counts = await countConfirmedByNameKey(db, found.map((c) => cityNameKey(c.name)));
  return found.map((c) => ({ name: c.name, voivodeship: c.voivodeship, label: (counts.get(cityNameKey(c.name)) ?? 0) > 1 ? cityLabel(c) : c.name }));
}
