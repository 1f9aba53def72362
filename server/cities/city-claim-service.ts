import { z } from "zod";
import type { DbHandle } from "../../db/index.js";
import type { Affiliation } from "../../db/schema.js";
import { recordAudit } from "../../db/repositories/audit.js";
import {
  decideCityClaim,
  findCityClaim,
  findCityStanding,
  latestCityClaim,
  listCityClaims,
  listVerifiedRepresentatives,
  restartCityClaim,
  setCityCoordinator,
} from "../../db/repositories/city-claims.js";
import { updateProfile } from "../../db/repositories/users.js";
import { cityClaims as t } from "../../domain/i18n/pl/city-claims.js";
import { assertCan, cityClaimAccess, PermissionError, type Actor } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../mail/mailer.js";
import { optionalText } from "../validation/optional-text.js";

/** A decision form: accept or reject, with an optional reason the person receives by mail. */
export const claimDecisionSchema = z.object({
  claimId: z.coerce.number().int().positive(),
  decision: z.enum(["accept", "reject"]),
  reason: optionalText(500),
});

/** The admin's coordinator switch for one verified representative. */
export const coordinatorSchema = z.object({
  userId: z.coerce.number().int().positive(),
  coordinator: z.enum(["0", "1"]).transform((v) => v === "1"),
});

/** A refusal a reviewer can act on (the claim is gone or already decided). */
export class CityClaimError extends Error {
  override name = "CityClaimError";
  constructor(
    message: string,
    readonly status: 400 | 404 | 409,
  ) {
    super(message);
  }
}

export type CityClaimService = ReturnType<typeof createCityClaimService>;

/**
 * City affiliation claims (issue 10). A stated city grants nothing until an admin or the city's coordinator accepts
 * it. `onAccessChanged` is called after every change of a person's verified city or coordinator role (accepted,
 * rejected, city changed, coordinator set) so live connections can be re-checked; it never fails the request.
 */
export function createCityClaimService(deps: { db: DbHandle; mailer: Mailer; logger: Logger; onAccessChanged?: (userId: number) => void | Promise<void> }) {
  const db = deps.db.db;

  // Awaited so the person's open connections are re-checked before the request that changed their rights answers.
  async function accessChanged(userId: number) {
    try {
      await deps.onAccessChanged?.(userId);
    } catch (error) {
      deps.logger.error("city claims: onAccessChanged failed", { userId, error: String(error) });
    }
  }

  return {
    /**
     * Saves a person's own profile. A different city than before withdraws the old claim and drops the verified
     * city at once (its rights must not carry over), then waits for review like a new claim.
     */
    async updateProfile(userId: number, fields: { name: string; affiliation: Affiliation; cityId: number | null; position: string | null }): Promise<{ claimRestarted: boolean }> {
      const result = await db.transaction().execute(async (trx) => {
        const before = await findCityStanding(trx, userId);
        if (!before) throw new CityClaimError(t.notFound, 404);
        await updateProfile(trx, userId, fields);
        if (before.cityId === fields.cityId) return { claimRestarted: false, hadVerified: false };
        const hadVerified = (await restartCityClaim(trx, userId, fields.cityId)) !== null;
        if (fields.cityId !== null) await recordAudit(trx, { actorId: userId, action: "city_claim.submitted", subjectType: "user", subjectId: userId, details: { cityId: fields.cityId } });
        return { claimRestarted: true, hadVerified };
      });
      if (result.hadVerified) await accessChanged(userId);
      return { claimRestarted: result.claimRestarted };
    },

    /** The person's latest claim for /konto (status, city, reason), if they ever stated a city. */
    latest: (userId: number) => latestCityClaim(db, userId),

    /** Pending claims and recent decisions the actor may review: every city for admins, their own for coordinators. */
    async queue(actor: Actor) {
      assertCan(actor, "city-claim:review");
      const cityId = actor!.role === "admin" ? undefined : actor!.cityId!;
      const [pending, decided] = await Promise.all([listCityClaims(db, { status: "pending", cityId }), listCityClaims(db, { status: "decided", cityId, limit: 50 })]);
      return { pending, decided, scopedToCityId: cityId ?? null };
    },

    /** Accepts or rejects a pending claim; records the decision in the audit log and mails the person. */
    async decide(actor: Actor, input: z.infer<typeof claimDecisionSchema>, meta: { ip?: string } = {}) {
      assertCan(actor, "city-claim:review");
      const claim = await findCityClaim(db, input.claimId);
      if (!claim) throw new CityClaimError(t.notFound, 404);
      // A coordinator asking about another city's claim learns nothing more than a missing claim would tell them.
      if (!cityClaimAccess(actor, claim.cityId)) throw new PermissionError(403, "city-claim:review");
      if (claim.status !== "pending" || claim.currentCityId !== claim.cityId) throw new CityClaimError(t.alreadyDecided, 409);
      const status = input.decision === "accept" ? "accepted" : "rejected";
      const done = await db.transaction().execute(async (trx) => {
        if (!(await decideCityClaim(trx, { id: claim.id, userId: claim.userId, cityId: claim.cityId, status, reason: input.reason, decidedBy: actor!.id }))) return false;
        await recordAudit(trx, {
          actorId: actor!.id,
          action: `city_claim.${status}`,
          subjectType: "city_claim",
          subjectId: claim.id,
          details: { userId: claim.userId, cityId: claim.cityId, reason: input.reason },
          ip: meta.ip ?? null,
        });
        return true;
      });
      if (!done) throw new CityClaimError(t.alreadyDecided, 409);
      await accessChanged(claim.userId);
      const text = status === "accepted" ? t.mailAccepted(claim.name, claim.cityName) : t.mailRejected(claim.name, claim.cityName, input.reason);
      // The decision stands even when the mail server is down; the person also sees it on /konto.
      await deps.mailer.send({ to: claim.email, subject: t.mailSubject, text }).catch((error) => deps.logger.error("city claims: decision mail failed", { claimId: claim.id, error: String(error) }));
      return { status, name: claim.name, cityName: claim.cityName };
    },

    /** Verified representatives with their coordinator flag (admins only). */
    async representatives(actor: Actor) {
      assertCan(actor, "city-coordinator:manage");
      return listVerifiedRepresentatives(db);
    },

    /** Makes a verified representative their city's coordinator, or takes the role back (admins only). */
    async setCoordinator(actor: Actor, input: z.infer<typeof coordinatorSchema>) {
      assertCan(actor, "city-coordinator:manage");
      const person = await findCityStanding(db, input.userId);
      if (!person || person.verifiedCityId === null) throw new CityClaimError(t.notRepresentative, 400);
      await db.transaction().execute(async (trx) => {
        await setCityCoordinator(trx, input.userId, input.coordinator);
        await recordAudit(trx, {
          actorId: actor!.id,
          action: input.coordinator ? "city.coordinator_set" : "city.coordinator_removed",
          subjectType: "user",
          subjectId: input.userId,
          details: { cityId: person.verifiedCityId },
        });
      });
      await accessChanged(input.userId);
      return { name: person.name };
    },
  };
}
