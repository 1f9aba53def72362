import type { Insertable, Selectable } from "kysely";
import type { Db } from "../index.js";
import { preparedQuery } from "../prepared-query.js";
import type { AgendaMode, AgendaVersionsTable, User } from "../schema.js";
import { nowIso } from "../time.js";

export type AgendaSettings = { eventId: number; mode: AgendaMode; cityIds: number[]; open: boolean; dotsBudget: number };

export const DEFAULT_DOTS_BUDGET = 5;

/** The co-design settings of an event; defaults (all members, open, 5 dots) when none were saved. */
export async function findAgendaSettings(db: Db, eventId: number): Promise<AgendaSettings> {
  const row = await db.selectFrom("agendaSettings").select(["mode", "cityIds", "open", "dotsBudget"]).where("eventId", "=", eventId).executeTakeFirst();
  return settingsFrom(eventId, row);
}

/**
 * What deciding access to an event's agenda needs, in one query: the event's end time and its co-design settings.
 * Every /collab connection asks this (issue 16: a join cost five queries); undefined when there is no such event.
 */
export async function findAgendaAccessFacts(db: Db, eventId: number): Promise<{ endsAt: string; settings: AgendaSettings } | undefined> {
  const [row] = await agendaAccessFactsQuery(db, eventId);
  if (!row) return undefined;
  const saved = row.settingsEventId === null ? undefined : { mode: row.mode!, cityIds: row.cityIds!, open: row.open!, dotsBudget: row.dotsBudget! };
  return { endsAt: row.endsAt, settings: settingsFrom(eventId, saved) };
}

const agendaAccessFactsQuery = preparedQuery((db: Db, eventId: number) =>
  db
    .selectFrom("events")
    .leftJoin("agendaSettings", "agendaSettings.eventId", "events.id")
    .select(["events.endsAt", "agendaSettings.eventId as settingsEventId", "agendaSettings.mode", "agendaSettings.cityIds", "agendaSettings.open", "agendaSettings.dotsBudget"])
    .where("events.id", "=", eventId),
);

function settingsFrom(eventId: number, row: { mode: string; cityIds: string; open: number; dotsBudget: number } | undefined): AgendaSettings {
  if (!row) return { eventId, mode: "all", cityIds: [], open: true, dotsBudget: DEFAULT_DOTS_BUDGET };
  let cityIds: number[] = [];
  try {
    const parsed: unknown = JSON.parse(row.cityIds);
    if (Array.isArray(parsed)) cityIds = parsed.filter((n): n is number => Number.isInteger(n));
  } catch {
    cityIds = [];
  }
  return { eventId, mode: row.mode === "cities" ? "cities" : "all", cityIds, open: row.open === 1, dotsBudget: row.dotsBudget };
}

/** Saves the co-design settings of an event (insert or update). */
export async function saveAgendaSettings(db: Db, s: AgendaSettings, updatedBy: number | null): Promise<void> {
  const values = { mode: s.mode, cityIds: JSON.stringify(s.cityIds), open: s.open ? 1 : 0, dotsBudget: s.dotsBudget, updatedBy, updatedAt: nowIso() };
  await db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom("agendaSettings").select("eventId").where("eventId", "=", s.eventId).executeTakeFirst();
    if (exists) await trx.updateTable("agendaSettings").set(values).where("eventId", "=", s.eventId).execute();
    else await trx.insertInto("agendaSettings").values({ eventId: s.eventId, ...values }).execute();
  });
}

/** A version to publish; the Yjs state arrives as the Uint8Array Yjs encodes (stored as a Buffer). */
export type NewAgendaVersion = Pick<Insertable<AgendaVersionsTable>, "eventId" | "content" | "html" | "plainText"> &
  Required<Pick<Insertable<AgendaVersionsTable>, "publishedBy">> & { state: Uint8Array };

/**
 * Stores the next numbered version of an event's programme; with a search outbox present the event is queued for
 * re-indexing in the same transaction. Retries once if another publisher took the same number.
 */
export async function insertAgendaVersion(db: Db, v: NewAgendaVersion): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom("agendaVersions")
          .select((eb) => eb.fn.max<number>("number").as("n"))
          .where("eventId", "=", v.eventId)
          .executeTakeFirst();
        const number = Number(last?.n ?? 0) + 1;
        const now = nowIso();
        await trx
          .insertInto("agendaVersions")
          .values({ eventId: v.eventId, number, content: v.content, html: v.html, plainText: v.plainText, state: Buffer.from(v.state), publishedBy: v.publishedBy, createdAt: now })
          .execute();
        await trx
          .insertInto("searchOutbox")
          .values({ entity: "event", entityId: v.eventId, op: "upsert", attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now })
          .execute();
        return number;
      });
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

export type AgendaVersionMeta = Pick<Selectable<AgendaVersionsTable>, "id" | "number" | "createdAt" | "publishedBy"> & { publisherName: User["name"] | null };

/** Published versions of an event, newest first (no bodies). */
export function listAgendaVersions(db: Db, eventId: number): Promise<AgendaVersionMeta[]> {
  return db
    .selectFrom("agendaVersions")
    .leftJoin("users", "users.id", "agendaVersions.publishedBy")
    .select(["agendaVersions.id", "agendaVersions.number", "agendaVersions.createdAt", "agendaVersions.publishedBy", "users.name as publisherName"])
    .where("agendaVersions.eventId", "=", eventId)
    .orderBy("agendaVersions.number", "desc")
    .execute();
}

/** One published version by number, or the newest when number is omitted. */
export async function findAgendaVersion(db: Db, eventId: number, number?: number) {
  let q = db.selectFrom("agendaVersions").select(["id", "eventId", "number", "content", "html", "plainText", "state", "publishedBy", "createdAt"]).where("eventId", "=", eventId);
  q = number === undefined ? q.orderBy("number", "desc").limit(1) : q.where("number", "=", number);
  const row = await q.executeTakeFirst();
  return row ? { ...row, state: new Uint8Array(row.state) } : undefined;
}

/** The cities a moderator can pick from when limiting co-design. */
export function listCityChoices(db: Db) {
  return db.selectFrom("cities").select(["id", "name"]).orderBy("name").execute();
}

/** Plain text of the newest published programme of an event (for the event's search document), or null. */
export async function latestAgendaPlainText(db: Db, eventId: number): Promise<string | null> {
  const row = await db.selectFrom("agendaVersions").select("plainText").where("eventId", "=", eventId).orderBy("number", "desc").limit(1).executeTakeFirst();
  return row?.plainText ?? null;
}
