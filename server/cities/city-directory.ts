import type { DbHandle } from "../../db/index.js";
import { findCityBySlug, listCities, listCityNamesBySlugs, listUnconfirmedCities, listVoivodeships, type CityFilter } from "../../db/repositories/cities.js";
import { listCityPeople } from "../../db/repositories/users.js";
import { reviewCity, type CityReview } from "./city-review.js";
import { cityFieldSuggestions, cityFieldText, resolveCityName, resolveCityNameOrSlug } from "./city-field.js";

export type CityDirectory = ReturnType<typeof createCityDirectory>;

/** The town directory as pages read it: each method returns only the fields a page shows. */
const KNOWN_NAMES_LIMIT = 5_000;

export function createCityDirectory(deps: { db: DbHandle }) {
  const db = deps.db.db;
  const knownNames = new Map<string, string>();
  return {
    /** Confirmed cities matching the directory filters, with the columns of the directory table. */
    async list(f: CityFilter) {
      const rows = await listCities(db, f);
      return rows.map((c) => ({ id: c.id, slug: c.slug, name: c.name, voivodeship: c.voivodeship, county: c.county, population: c.population, sizeClass: c.sizeClass }));
    },
    /** Voivodeships present in the directory, for its filter. */
    voivodeships: () => listVoivodeships(db),
    /** A city's public profile; an unconfirmed city (created by an import) is not public and gives undefined. */
    async publicProfile(slug: string) {
      const c = await findCityBySlug(db, slug);
      if (!c || !c.confirmed) return undefined;
      return { id: c.id, slug: c.slug, name: c.name, voivodeship: c.voivodeship, county: c.county, population: c.population, sizeClass: c.sizeClass, teryt: c.teryt };
    },
    /** People whose affiliation with the city is verified (never e-mails). */
    people: (cityId: number) => listCityPeople(db, cityId),
    /** What a person typed into a city field: one confirmed town, several of that name, or none. */
    resolveName: (typed: string) => resolveCityName(db, typed),
    /** As resolveName, also accepting a town's slug (the library editor's older value). */
    resolveNameOrSlug: (typed: string) => resolveCityNameOrSlug(db, typed),
    /** The city field's text for a stored city (name, with the voivodeship when the name is shared). */
    fieldText: (cityId: number | null) => cityFieldText(db, cityId),
    /** At most ten confirmed towns matching a typed fragment, for the city field's suggestions. */
    suggest: (fragment: string) => cityFieldSuggestions(db, fragment),
    /**
     * Slug → name of the given cities (labels of the ones a page mentions). A city's name never changes once it is in
     * the directory (a merge removes the slug; nothing renames), so names already read are kept and only the unknown
     * ones are asked for: the library's facets name up to a dozen towns on every page view.
     */
    async names(slugs: string[]): Promise<Record<string, string>> {
      const out: Record<string, string> = {};
      const missing: string[] = [];
      for (const slug of new Set(slugs)) {
        const known = knownNames.get(slug);
        if (known === undefined) missing.push(slug);
        else out[slug] = known;
      }
      if (missing.length > 0) {
        for (const c of await listCityNamesBySlugs(db, missing)) {
          out[c.slug] = c.name;
          if (knownNames.size >= KNOWN_NAMES_LIMIT) knownNames.clear();
          knownNames.set(c.slug, c.name);
        }
      }
      return out;
    },
    /** Cities an import created, waiting for an admin, with how much points at each. */
    unconfirmed: () => listUnconfirmedCities(db),
    /** An admin's decision on an unconfirmed city (confirm or merge); returns the Polish message to show. */
    review: (actorId: number, r: CityReview, ip: string | null) => reviewCity(deps.db, actorId, r, ip),
  };
}
