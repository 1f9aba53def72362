import type { Insertable, SelectQueryBuilder } from "kysely";
import type { Db } from "../index.js";
import { preparedListQuery, preparedQuery } from "../prepared-query.js";
import type { Database, EventKind, EventRow, EventSeries, EventsTable } from "../schema.js";
import { nowIso } from "../time.js";
import { enqueueSearchChange } from "./search-outbox.js";

export type EventWithAreas = EventRow & {
  areas: { slug: string; name: string }[];
  seriesTitle: string | null;
  seriesSlug: string | null;
  confirmedCount: number;
};

export type EventFilter = { when?: "upcoming" | "past" | "all"; kind?: EventKind; area?: string; seriesId?: number; limit?: number; offset?: number; includeCancelled?: boolean };

/** Every field an event form sets, derived from the table so the two never drift apart. */
export type EventInput = Pick<
  Insertable<EventsTable>,
  "slug" | "title" | "description" | "kind" | "startsAt" | "endsAt" | "timeZone" | "format"
> &
  Required<Pick<Insertable<EventsTable>, "seriesId" | "place" | "joinUrl" | "capacity">> &
  Pick<Insertable<EventsTable>, "reminderMinutes">;

// Named columns: EventWithAreas (EventRow from db/schema.ts) makes the compiler refuse a list that misses one.
const eventColumns = ["events.id", "events.slug", "events.title", "events.description", "events.kind", "events.seriesId", "events.startsAt", "events.endsAt", "events.timeZone", "events.format", "events.place", "events.joinUrl", "events.capacity", "events.status", "events.registrationVersion", "events.createdBy", "events.createdAt", "events.updatedAt", "events.networkId", "events.reminderMinutes", "events.openToAllAt"] as const;

function baseQuery(db: Db) {
  return db
    .selectFrom("events")
    .leftJoin("eventSeries", "eventSeries.id", "events.seriesId")
    .select(eventColumns)
    .select(["eventSeries.title as seriesTitle", "eventSeries.slug as seriesSlug"])
    .select((eb) =>
      eb
        .selectFrom("registrations")
        .select((e2) => e2.fn.countAll<number>().as("n"))
        .whereRef("registrations.eventId", "=", "events.id")
        .where("registrations.status", "=", "confirmed")
        .as("confirmedCount"),
    );
}

// The areas of listed events: asked on every event list and page, prepared per number of events.
const areasOf = preparedListQuery((db: Db, ids: number[]) =>
  db
    .selectFrom("eventAreas")
    .innerJoin("thematicAreas", "thematicAreas.id", "eventAreas.areaId")
    .select(["eventAreas.eventId", "thematicAreas.slug", "thematicAreas.name"])
    .where("eventAreas.eventId", "in", ids)
    .orderBy("thematicAreas.position"),
);

// Each row gets its thematic areas, in the areas' order.
async function withAreas<R extends { id: number }>(db: Db, rows: R[]): Promise<(R & { areas: { slug: string; name: string }[] })[]> {
  if (rows.length === 0) return [];
  const links = await areasOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, areas: links.filter((l) => l.eventId === r.id).map((l) => ({ slug: l.slug, name: l.name })) }));
}

async function attachAreas(db: Db, rows: Awaited<ReturnType<ReturnType<typeof baseQuery>["execute"]>>): Promise<EventWithAreas[]> {
  return (await withAreas(db, rows)).map((r) => ({ ...r, confirmedCount: Number(r.confirmedCount ?? 0) }));
}

function filtered<O>(from: SelectQueryBuilder<Database, "events" | "eventSeries", O>, f: EventFilter, now = nowIso()) {
  let q = from;
  if (f.when === "upcoming") q = q.where("events.endsAt", ">=", now);
  if (f.when === "past") q = q.where("events.endsAt", "<", now);
  if (f.kind) q = q.where("events.kind", "=", f.kind);
  if (f.seriesId) q = q.where("events.seriesId", "=", f.seriesId);
  if (!f.includeCancelled && f.when === "upcoming") q = q.where("events.status", "=", "scheduled");
  if (f.area) {
    const area = f.area;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("eventAreas")
          .innerJoin("thematicAreas", "thematicAreas.id", "eventAreas.areaId")
          .select("eventAreas.eventId")
          .whereRef("eventAreas.eventId", "=", "events.id")
          .where("thematicAreas.slug", "=", area),
      ),
    );
  }
  return q;
}

// Event lists (the home page, /wydarzenia, calendars) run on most page views: one prepared query per filter shape
// (which of time, kind, series and area are set) and selection (full events or cards), the values bound on each call.
const listQueries = new Map<string, (db: Db, ...values: unknown[]) => Promise<unknown[]>>();

function listQuery<O>(select: (db: Db) => SelectQueryBuilder<Database, "events" | "eventSeries", O>, selection: string, f: EventFilter): (db: Db, ...values: unknown[]) => Promise<O[]> {
  const timed = f.when === "upcoming" || f.when === "past";
  const shape = `${selection}|${f.when ?? "all"}|${f.kind ? "kind" : ""}|${f.seriesId ? "series" : ""}|${f.area ? "area" : ""}|${f.includeCancelled ? "cancelled" : ""}`;
  let query = listQueries.get(shape);
  if (!query) {
    query = preparedQuery((d: Db, ...values: unknown[]) => {
      // The values arrive in the order listValues gives them; the shape says which are present.
      const next = values[Symbol.iterator]();
      const now = timed ? (next.next().value as string) : undefined;
      const shaped: EventFilter = {
        when: f.when,
        includeCancelled: f.includeCancelled,
        kind: f.kind ? (next.next().value as EventKind) : undefined,
        seriesId: f.seriesId ? (next.next().value as number) : undefined,
        area: f.area ? (next.next().value as string) : undefined,
      };
      return filtered(select(d), shaped, now)
        .orderBy("events.startsAt", f.when === "past" ? "desc" : "asc")
        .limit(next.next().value as number)
        .offset(next.next().value as number);
    });
    listQueries.set(shape, query);
  }
  return query as (db: Db, ...values: unknown[]) => Promise<O[]>;
}

function listValues(f: EventFilter): unknown[] {
  const values: unknown[] = [];
  if (f.when === "upcoming" || f.when === "past") values.push(nowIso());
  if (f.kind) values.push(f.kind);
  if (f.seriesId) values.push(f.seriesId);
  if (f.area) values.push(f.area);
  values.push(f.limit ?? 50, f.offset ?? 0);
  return values;
}

/** Lists events: upcoming soonest first, past most recent first. */
export async function listEvents(db: Db, f: EventFilter = {}): Promise<EventWithAreas[]> {
  return attachAreas(db, await listQuery(baseQuery, "full", f)(db, ...listValues(f)));
}

// What an event card shows (app/components/event-card.tsx): lists of cards read these ten columns instead of every
// column with a registration count per event (building the rows was most of the home page's database time).
const cardColumns = ["events.id", "events.slug", "events.title", "events.kind", "events.format", "events.startsAt", "events.endsAt", "events.place", "events.status"] as const;
const cardQuery = (db: Db) => db.selectFrom("events").leftJoin("eventSeries", "eventSeries.id", "events.seriesId").select(cardColumns).select("eventSeries.title as seriesTitle");
export type EventCardRow = Pick<EventRow, "id" | "slug" | "title" | "kind" | "format" | "startsAt" | "endsAt" | "place" | "status"> & { seriesTitle: string | null; areas: { slug: string; name: string }[] };

/** Lists events as cards, in the same order and with the same filters as listEvents. */
export async function listEventCards(db: Db, f: EventFilter = {}): Promise<EventCardRow[]> {
  return withAreas(db, await listQuery(cardQuery, "card", f)(db, ...listValues(f)));
}

/** Counts events matching a filter (for pagination). */
export async function countEvents(db: Db, f: EventFilter = {}): Promise<number> {
  const row = await filtered(db.selectFrom("events").leftJoin("eventSeries", "eventSeries.id", "events.seriesId").select((eb) => eb.fn.countAll<number>().as("n")), f).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One event with its areas and series, by slug. */
export async function findEventBySlug(db: Db, slug: string): Promise<EventWithAreas | undefined> {
  const rows = await baseQuery(db).where("events.slug", "=", slug).execute();
  return (await attachAreas(db, rows))[0];
}

/** One event with its areas and series, by id. */
export async function findEventById(db: Db, id: number): Promise<EventWithAreas | undefined> {
  const rows = await baseQuery(db).where("events.id", "=", id).execute();
  return (await attachAreas(db, rows))[0];
}

/** Events a person is registered for (confirmed or waiting) that ended after `endedAfter`, with their status, soonest first. */
export async function listRegisteredEvents(db: Db, userId: number, endedAfter: string): Promise<(EventWithAreas & { registrationStatus: "confirmed" | "waitlisted" })[]> {
  const regs = await db
    .selectFrom("registrations")
    .select(["eventId", "status"])
    .where("userId", "=", userId)
    .where("status", "in", ["confirmed", "waitlisted"])
    .execute();
  if (regs.length === 0) return [];
  const rows = await baseQuery(db)
    .where("events.id", "in", regs.map((r) => r.eventId))
    .where("events.endsAt", ">=", endedAfter)
    .orderBy("events.startsAt")
    .execute();
  const status = new Map(regs.map((r) => [r.eventId, r.status as "confirmed" | "waitlisted"]));
  return (await attachAreas(db, rows)).map((e) => ({ ...e, registrationStatus: status.get(e.id)! }));
}

/** True when another event already uses the slug. */
export async function isEventSlugTaken(db: Db, slug: string, exceptId?: number): Promise<boolean> {
  let q = db.selectFrom("events").select("id").where("slug", "=", slug);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return Boolean(await q.executeTakeFirst());
}

async function replaceAreas(db: Db, eventId: number, areaIds: number[]): Promise<void> {
  await db.deleteFrom("eventAreas").where("eventId", "=", eventId).execute();
  if (areaIds.length) await db.insertInto("eventAreas").values(areaIds.map((areaId) => ({ eventId, areaId }))).execute();
}

/** Creates an event with its areas in one transaction; returns the id. */
export async function insertEvent(db: Db, input: EventInput, areaIds: number[], createdBy: number | null): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto("events")
      .values({ ...input, status: "scheduled", registrationVersion: 0, createdBy, createdAt: now, updatedAt: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    await replaceAreas(trx, row.id, areaIds);
    await enqueueSearchChange(trx, "event", row.id); // same transaction: the index never misses an event
    return row.id;
  });
}

/** Updates an event and its areas in one transaction. */
export async function updateEvent(db: Db, id: number, input: EventInput, areaIds: number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("events").set({ ...input, updatedAt: nowIso() }).where("id", "=", id).execute();
    await replaceAreas(trx, id, areaIds);
    await enqueueSearchChange(trx, "event", id);
  });
}

/** Marks an event cancelled (kept for history; registrations stay visible). */
export async function setEventStatus(db: Db, id: number, status: "scheduled" | "cancelled"): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable("events").set({ status, updatedAt: nowIso() }).where("id", "=", id).execute();
    await enqueueSearchChange(trx, "event", id);
  });
}

/** All series, newest first. */
export function listSeries(db: Db): Promise<EventSeries[]> {
  return db.selectFrom("eventSeries").select(["id", "slug", "title", "description", "year"]).orderBy("year", "desc").orderBy("title").execute();
}

/** One series by slug. */
export function findSeriesBySlug(db: Db, slug: string): Promise<EventSeries | undefined> {
  return db.selectFrom("eventSeries").select(["id", "slug", "title", "description", "year"]).where("slug", "=", slug).executeTakeFirst();
}

/** Inserts a series unless its slug exists; returns its id. */
export async function ensureSeries(db: Db, s: Omit<EventSeries, "id">): Promise<number> {
  const existing = await findSeriesBySlug(db, s.slug);
  if (existing) return existing.id;
  const row = await db.insertInto("eventSeries").values(s).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Slug and title of the latest events, newest first (the library editor's "linked event" list). */
export function listRecentEventTitles(db: Db, limit: number): Promise<{ slug: string; title: string }[]> {
  return db.selectFrom("events").select(["slug", "title"]).orderBy("startsAt", "desc").limit(limit).execute();
}

/** An event's id by slug (cancelled ones included), or null: forms and imports refer to events by slug. */
export async function findEventIdBySlug(db: Db, slug: string): Promise<number | null> {
  const row = await db.selectFrom("events").select("id").where("slug", "=", slug).executeTakeFirst();
  return row?.id ?? null;
}

/** Whether a series with this id exists. */
export async function seriesExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom("eventSeries").select("id").where("id", "=", id).executeTakeFirst()) !== undefined;
}

/** How many events there are, cancelled ones included (the search rebuild indexes them all). */
export async function countAllEvents(db: Db): Promise<number> {
  const r = await db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(r.n);
}
