import type { Db } from "../index.js";
import type { Registration, RegistrationStatus } from "../schema.js";
import { nowIso } from "../time.js";

// Named columns: findRegistration's return type (Registration, from db/schema.ts) refuses a list that misses one.
const registrationColumns = ["id", "eventId", "userId", "status", "queuedAt", "createdAt", "updatedAt"] as const;

export type RegisterOutcome =
  | { kind: "registered"; status: "confirmed" | "waitlisted"; position: number | null }
  | { kind: "already"; status: "confirmed" | "waitlisted"; position: number | null }
  | { kind: "unavailable"; reason: "not_found" | "cancelled" | "ended" };

// Locks the event row for the rest of the transaction. On PostgreSQL the UPDATE takes a row lock, so concurrent
// registrations for the same event run one after another; SQLite serialises write transactions anyway.
async function lockEvent(trx: Db, eventId: number) {
  await trx.updateTable("events").set((eb) => ({ registrationVersion: eb("registrationVersion", "+", 1) })).where("id", "=", eventId).execute();
  return trx.selectFrom("events").select(["id", "capacity", "status", "endsAt"]).where("id", "=", eventId).executeTakeFirst();
}

async function confirmedCount(trx: Db, eventId: number): Promise<number> {
  const row = await trx
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "confirmed")
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** 1-based place on the waiting list, or null when not waitlisted. */
export async function waitlistPosition(db: Db, eventId: number, userId: number): Promise<number | null> {
  const mine = await db.selectFrom("registrations").select(registrationColumns).where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
  if (!mine || mine.status !== "waitlisted") return null;
  const ahead = await db
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("eventId", "=", eventId)
    .where("status", "=", "waitlisted")
    .where((eb) => eb.or([eb("queuedAt", "<", mine.queuedAt), eb.and([eb("queuedAt", "=", mine.queuedAt), eb("id", "<", mine.id)])]))
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** Registers a person atomically: confirmed while seats remain, otherwise on the waiting list. */
export async function registerForEvent(db: Db, eventId: number, userId: number): Promise<RegisterOutcome> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { kind: "unavailable", reason: "not_found" } as const;
    if (event.status === "cancelled") return { kind: "unavailable", reason: "cancelled" } as const;
    if (event.endsAt < nowIso()) return { kind: "unavailable", reason: "ended" } as const;

    const existing = await trx.selectFrom("registrations").select(registrationColumns).where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
    if (existing && existing.status !== "cancelled") {
      const status = existing.status as "confirmed" | "waitlisted";
      return { kind: "already", status, position: await waitlistPosition(trx, eventId, userId) } as const;
    }
    const seatsLeft = event.capacity == null ? Infinity : event.capacity - (await confirmedCount(trx, eventId));
    const status: "confirmed" | "waitlisted" = seatsLeft > 0 ? "confirmed" : "waitlisted";
    const now = nowIso();
    if (existing) {
      await trx.updateTable("registrations").set({ status, queuedAt: now, updatedAt: now }).where("id", "=", existing.id).execute();
    } else {
      await trx.insertInto("registrations").values({ eventId, userId, status, queuedAt: now, createdAt: now, updatedAt: now }).execute();
    }
    return { kind: "registered", status, position: await waitlistPosition(trx, eventId, userId) } as const;
  });
}

/**
 * Cancels a person's registration and, if that frees seats, promotes the longest-waiting people in order.
 * Returns the user ids promoted so they can be notified.
 */
export async function cancelRegistration(db: Db, eventId: number, userId: number): Promise<{ cancelled: boolean; promoted: number[] }> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) return { cancelled: false, promoted: [] };
    const now = nowIso();
    const res = await trx
      .updateTable("registrations")
      .set({ status: "cancelled", updatedAt: now })
      .where("eventId", "=", eventId)
      .where("userId", "=", userId)
      .where("status", "in", ["confirmed", "waitlisted"])
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) return { cancelled: false, promoted: [] };
    return { cancelled: true, promoted: await promoteWaiting(trx, eventId, event.capacity) };
  });
}

async function promoteWaiting(trx: Db, eventId: number, capacity: number | null): Promise<number[]> {
  const free = capacity == null ? Infinity : capacity - (await confirmedCount(trx, eventId));
  if (free <= 0) return [];
  let q = trx
    .selectFrom("registrations")
    .select(["id", "userId"])
    .where("eventId", "=", eventId)
    .where("status", "=", "waitlisted")
    .orderBy("queuedAt")
    .orderBy("id");
  if (Number.isFinite(free)) q = q.limit(free);
  const next = await q.execute();
  if (next.length === 0) return [];
  await trx.updateTable("registrations").set({ status: "confirmed", updatedAt: nowIso() }).where("id", "in", next.map((n) => n.id)).execute();
  return next.map((n) => n.userId);
}

/** Re-checks the waiting list after a capacity change; returns promoted user ids. */
export async function promoteAfterCapacityChange(db: Db, eventId: number): Promise<number[]> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    return event ? promoteWaiting(trx, eventId, event.capacity) : [];
  });
}

/** The person's registration for one event, if any. */
export function findRegistration(db: Db, eventId: number, userId: number): Promise<Registration | undefined> {
  return db.selectFrom("registrations").select(registrationColumns).where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
}

/** Registrations of a user with event details, soonest first. */
export function listUserRegistrations(db: Db, userId: number) {
  return db
    .selectFrom("registrations")
    .innerJoin("events", "events.id", "registrations.eventId")
    .select([
      "registrations.id",
      "registrations.status",
      "registrations.eventId",
      "events.slug",
      "events.title",
      "events.kind",
      "events.startsAt",
      "events.endsAt",
      "events.format",
      "events.place",
      "events.status as eventStatus",
    ])
    .where("registrations.userId", "=", userId)
    .where("registrations.status", "!=", "cancelled")
    .orderBy("events.startsAt")
    .execute();
}

/** Participants of an event for moderators, in registration order. */
export function listEventRegistrations(db: Db, eventId: number) {
  return db
    .selectFrom("registrations")
    .innerJoin("users", "users.id", "registrations.userId")
    .leftJoin("cities", "cities.id", "users.cityId")
    .select(["registrations.id", "registrations.status", "registrations.queuedAt", "users.name", "users.email", "cities.name as cityName"])
    .where("registrations.eventId", "=", eventId)
    .where("registrations.status", "!=", "cancelled")
    .orderBy("registrations.status")
    .orderBy("registrations.queuedAt")
    .orderBy("registrations.id")
    .execute();
}

/** Counts by status for one event. */
export async function countRegistrations(db: Db, eventId: number): Promise<Record<RegistrationStatus, number>> {
  const rows = await db
    .selectFrom("registrations")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("eventId", "=", eventId)
    .groupBy("status")
    .execute();
  const out = { confirmed: 0, waitlisted: 0, cancelled: 0 } as Record<RegistrationStatus, number>;
  for (const r of rows) out[r.status as RegistrationStatus] = Number(r.n);
  return out;
}
