import { z } from "zod";
import type { DbHandle } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { confirmCity, findCityById, findCityByNameOrTeryt, findCityBySlug, mergeCityInto } from "../../db/repositories/cities.js";
import { cities as t } from "../../domain/i18n/pl/cities.js";
import { voivodeshipNames } from "../../domain/voivodeships.js";
import { InputError } from "../validation/input-error.js";

/** The two admin decisions on an unconfirmed city, as the form posts them. */
export const cityReviewSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("confirm"),
    id: z.coerce.number().int().positive(),
    voivodeship: z.enum(voivodeshipNames as [string, ...string[]], { error: t.review.voivodeshipRequired }),
    county: z.string().trim().max(80, t.review.countyTooLong).default(""),
  }),
  z.object({
    intent: z.literal("merge"),
    id: z.coerce.number().int().positive(),
    into: z.string().trim().min(1, t.review.targetRequired).max(120, t.review.targetRequired),
  }),
]);
export type CityReview = z.infer<typeof cityReviewSchema>;

/**
 * Applies an admin's decision: confirm (the city becomes public with its voivodeship and county) or merge into a
 * directory city (its items and people move there, it disappears). Both are written to the audit log.
 */
export async function reviewCity(handle: DbHandle, actorId: number, r: CityReview, ip: string | null): Promise<string> {
  const db = handle.db;
  const city = await findCityById(db, r.id);
  if (!city || city.confirmed) throw new InputError(t.review.gone, "id");
  if (r.intent === "confirm") {
    if (!(await confirmCity(db, city.id, { voivodeship: r.voivodeship, county: r.county }))) throw new InputError(t.review.gone, "id");
    await recordAudit(db, { actorId, action: "city.confirm", subjectType: "city", subjectId: city.id, details: { name: city.name, voivodeship: r.voivodeship, county: r.county }, ip });
    return t.review.confirmed(city.name);
  }
  const target = (await findCityBySlug(db, r.into)) ?? (await findCityByNameOrTeryt(db, r.into));
  if (!target || !target.confirmed || target.id === city.id) throw new InputError(t.review.targetUnknown(r.into), "into");
  const moved = await mergeCityInto(db, city.id, target.id);
  if (!moved) throw new InputError(t.review.gone, "id");
  await recordAudit(db, { actorId, action: "city.merge", subjectType: "city", subjectId: city.id, details: { name: city.name, into: target.id, intoName: target.name, items: moved.length }, ip });
  return t.review.merged(city.name, target.name, moved.length);
}
