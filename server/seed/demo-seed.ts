import type { DbHandle } from "../../db/index.js";
import { areaIdsBySlug, upsertAreas } from "../../db/repositories/areas.js";
import { cityIdsBySlug, seedTownDirectory, upsertCities } from "../../db/repositories/cities.js";
import { ensureSeries, insertEvent, isEventSlugTaken } from "../../db/repositories/events.js";
import { findUserByEmail, insertUser } from "../../db/repositories/users.js";
import { latestCityClaim, verifyStatedCity } from "../../db/repositories/city-claims.js";
import { seedAccounts, DEMO_PASSWORD } from "../../db/seed-data/accounts.js";
import { seedAreas } from "../../domain/thematic-areas.js";
import { seedCities } from "../../db/seed-data/cities.js";
import { towns } from "../../db/seed-data/towns.js";
import { hashPassword } from "../auth/passwords.js";
import { localToUtcIso, WARSAW } from "../events/time-zone.js";
import type { Logger } from "../logger.js";
import { readDemoEvents, type DemoEvent } from "./demo-events.js";

/** Areas and the town directory are reference data the app needs even without demo content. */
export async function seedReferenceData(handle: DbHandle): Promise<void> {
  await upsertAreas(handle.db, seedAreas.map((a, i) => ({ ...a, position: i + 1 })));
  await seedTownDirectory(handle.db, towns);
}

// Future demo events are placed relative to today so the demo always has something upcoming.
function eventTimes(e: DemoEvent): { startsAt: string; endsAt: string } {
  if (e.startsAt && e.endsAt) return { startsAt: localToUtcIso(e.startsAt), endsAt: localToUtcIso(e.endsAt) };
  const day = new Date(Date.now() + (e.startsInDays ?? 7) * 86400_000).toISOString().slice(0, 10);
  const hour = String(e.startHour ?? 10).padStart(2, "0");
  const startsAt = localToUtcIso(`${day}T${hour}:00`);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + (e.durationHours ?? 2) * 3600_000).toISOString() };
}

const DEMO_CLAIM_REASON = "Konto demonstracyjne";

/** Idempotent demo data: cities, the 2020 seminar cycle and later events (db/seed-data/events.jsonl), demo accounts. */
export async function seedDemoData(handle: DbHandle, logger: Logger, eventsFile?: string): Promise<void> {
  const db = handle.db;
  // Read and validated before anything is written: a broken file must not leave half a demo behind.
  const demo = await readDemoEvents(eventsFile);
  // The curated figures win; the TERYT code and county come from the official list the directory is built from.
  const official = new Map(towns.map((t) => [t.slug, t]));
  await upsertCities(db, seedCities.map((c) => ({ ...c, teryt: official.get(c.slug)?.teryt ?? c.teryt, county: official.get(c.slug)?.county ?? c.county })));

  const cityIds = await cityIdsBySlug(db);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const a of seedAccounts) {
    const cityId = a.city ? (cityIds.get(a.city) ?? null) : null;
    const existing = await findUserByEmail(db, a.email);
    if (existing) {
      // A demo database from before city claims: its representatives' claims were queued by the migration.
      const claim = cityId ? await latestCityClaim(db, existing.id) : undefined;
      if (cityId && existing.verifiedCityId === null && claim?.status === "pending" && claim.cityId === cityId) await verifyStatedCity(db, existing.id, cityId, DEMO_CLAIM_REASON);
      continue;
    }
    const userId = await insertUser(db, {
      email: a.email,
      name: a.name,
      passwordHash,
      role: a.role,
      affiliation: a.affiliation,
      cityId,
      position: a.position,
      disabledAt: null,
    });
    // Demo representatives speak for their cities from the start (member@frl.test Dzierżoniów, kalisz@frl.test Kalisz).
    if (cityId) await verifyStatedCity(db, userId, cityId, DEMO_CLAIM_REASON);
  }

  const seriesIds = new Map<string, number>();
  for (const s of demo.series) seriesIds.set(s.slug, await ensureSeries(db, s));
  const areaIds = await areaIdsBySlug(db);
  const admin = await findUserByEmail(db, "admin@frl.test");
  let created = 0;
  for (const e of demo.events) {
    if (await isEventSlugTaken(db, e.slug)) continue;
    await insertEvent(
      db,
      {
        slug: e.slug,
        title: e.title,
        description: e.description,
        kind: e.kind,
        seriesId: e.series ? (seriesIds.get(e.series) ?? null) : null,
        ...eventTimes(e),
        timeZone: WARSAW,
        format: e.format,
        place: e.place,
        joinUrl: e.joinUrl,
        capacity: e.capacity,
      },
      e.areas.map((s) => areaIds.get(s)).filter((id): id is number => id !== undefined),
      admin?.id ?? null,
    );
    created++;
  }
  if (created) logger.info(`demo data: ${created} events added`);
}
