import type { DbHandle } from "../../db/index.js";
import { InputError } from "../validation/input-error.js";
import { findAreasBySlugs } from "../../db/repositories/areas.js";
import { recordAudit } from "../../db/repositories/audit.js";
import {
  findEventById,
  findEventBySlug,
  findSeriesBySlug,
  insertEvent,
  isEventSlugTaken,
  listEventCards,
  listEvents,
  seriesExists,
  setEventStatus,
  updateEvent,
  type EventFilter,
  type EventInput,
  type EventWithAreas,
} from "../../db/repositories/events.js";
import {
  cancelRegistration,
  findRegistration,
  promoteAfterCapacityChange,
  registerForEvent,
  waitlistPosition,
} from "../../db/repositories/registrations.js";
import { findUserById } from "../../db/repositories/users.js";
import { events as t } from "../../domain/i18n/pl/events.js";
import { assertCan, type Actor } from "../auth/permissions.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../mail/mailer.js";
import type { EventForm } from "./event-schemas.js";
import { createPersonalCalendar } from "./personal-calendar.js";
import { slugify } from "../../domain/slug.js";
import { eventMarkers } from "./event-markers.js";
import { createEventQueries } from "./event-queries.js";
import { localToUtcIso, WARSAW } from "./time-zone.js";
import { membersFirstState } from "../networks/members-first.js";

export type EventService = ReturnType<typeof createEventService>;
/** What the event service tells people through (server/notifications); absent in tools that only read events. */
export type EventNotices = {
  registration: (eventId: number, userId: number, kind: "registration_confirmed" | "registration_waitlisted" | "registration_promoted" | "registration_cancelled", position?: number | null) => Promise<void>;
  eventCreated: (eventId: number) => Promise<void>;
  eventUpdated: (before: EventWithAreas, eventId: number) => Promise<void>;
  eventCancelled: (eventId: number) => Promise<void>;
};
export type EventChangeListener = (change: { type: "created" | "updated" | "cancelled" | "restored"; eventId: number }) => void | Promise<void>;

/** Events and registrations: the rules live here and HTTP actions call them. */
export function createEventService(deps: { db: DbHandle; mailer: Mailer; logger: Logger; notices?: EventNotices }) {
  const db = deps.db.db;
  const listeners: EventChangeListener[] = [];

  async function notify(type: Parameters<EventChangeListener>[0]["type"], eventId: number) {
    for (const l of listeners) {
      try {
        await l({ type, eventId });
      } catch (error) {
        deps.logger.error("event change listener failed", { error, eventId });
      }
    }
  }

  async function toInput(form: EventForm, exceptId?: number): Promise<{ input: EventInput; areaIds: number[] }> {
    const slug = form.slug || slugify(form.title);
    if (!slug) throw new InputError(t.validation.slug, "slug");
    if (await isEventSlugTaken(db, slug, exceptId)) throw new InputError(t.form.slugTaken, "slug");
    if (form.seriesId !== null) {
      if (!(await seriesExists(db, form.seriesId))) throw new InputError(t.form.unknownSeries, "seriesId");
    }
    const areas = await findAreasBySlugs(db, form.areas);
    return {
      input: {
        slug,
        title: form.title,
        description: form.description,
        kind: form.kind,
        seriesId: form.seriesId,
        startsAt: localToUtcIso(form.startsAt),
        endsAt: localToUtcIso(form.endsAt),
        timeZone: WARSAW,
        format: form.format,
        place: form.place,
        joinUrl: form.joinUrl,
        capacity: form.capacity,
        reminderMinutes: form.reminders,
      },
      areaIds: areas.map((a) => a.id),
    };
  }

  // A failed notice never undoes the registration or the edit it reports: it is logged and the queue retries mail.
  async function tell(what: string, run: (n: EventNotices) => Promise<void>) {
    if (!deps.notices) return;
    await run(deps.notices).catch((error) => deps.logger.error(`notice failed: ${what}`, { error }));
  }

  // Promoted people are confirmed now, so their mail carries the join link (mail goes to them alone).
  async function mailPromoted(eventId: number, userIds: number[], baseUrl: string) {
    if (deps.notices) {
      for (const id of userIds) await tell("promoted", (n) => n.registration(eventId, id, "registration_promoted"));
      return;
    }
    const event = await findEventById(db, eventId);
    if (!event) return;
    for (const id of userIds) {
      const user = await findUserById(db, id);
      if (!user) continue;
      await deps.mailer
        .send({ to: user.email, subject: t.register.promotedSubject(event.title), text: t.register.promotedBody(user.name, event.title, `${baseUrl}/wydarzenia/${event.slug}`, event.joinUrl) })
        .catch((error) => deps.logger.error("promotion mail failed", { error, userId: id }));
    }
  }

  return {
    /** Subscribes to event changes (search indexing, live rooms). */
    onChange(listener: EventChangeListener) {
      listeners.push(listener);
    },
    /** Personal calendar feeds under a secret token (join links for confirmed participants). */
    calendar: createPersonalCalendar(db),
    list: (f: EventFilter) => listEvents(db, f),
    /** The same list as `list`, with only what an event card shows. */
    cards: (f: EventFilter) => listEventCards(db, f),
    /** Live-room and co-design markers of listed events, by id. */
    markers: (list: Parameters<typeof eventMarkers>[1]) => eventMarkers(db, list),
    bySlug: (slug: string) => findEventBySlug(db, slug),
    byId: (id: number) => findEventById(db, id),
    seriesBySlug: (slug: string) => findSeriesBySlug(db, slug),
    ...createEventQueries(db),

    /** Creates an event (moderators and admins). */
    async create(actor: Actor, form: EventForm): Promise<{ id: number; slug: string }> {
      assertCan(actor, "event:manage");
      const { input, areaIds } = await toInput(form);
      const id = await insertEvent(db, input, areaIds, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: "event.create", subjectType: "event", subjectId: id, details: { slug: input.slug } });
      await notify("created", id);
      await tell("created", (n) => n.eventCreated(id));
      return { id, slug: input.slug };
    },

    /** Updates an event; raising capacity promotes people from the waiting list. */
    async update(actor: Actor, id: number, form: EventForm, baseUrl: string): Promise<{ slug: string }> {
      assertCan(actor, "event:manage");
      const { input, areaIds } = await toInput(form, id);
      const before = await findEventById(db, id);
      await updateEvent(db, id, input, areaIds);
      const promoted = await promoteAfterCapacityChange(db, id);
      await mailPromoted(id, promoted, baseUrl);
      await recordAudit(db, { actorId: actor!.id, action: "event.update", subjectType: "event", subjectId: id });
      await notify("updated", id);
      if (before) await tell("updated", (n) => n.eventUpdated(before, id));
      return { slug: input.slug };
    },

    /** Cancels or restores an event. */
    async setCancelled(actor: Actor, id: number, cancelled: boolean): Promise<void> {
      assertCan(actor, "event:manage");
      await setEventStatus(db, id, cancelled ? "cancelled" : "scheduled");
      await recordAudit(db, { actorId: actor!.id, action: cancelled ? "event.cancel" : "event.restore", subjectType: "event", subjectId: id });
      await notify(cancelled ? "cancelled" : "restored", id);
      if (cancelled) await tell("cancelled", (n) => n.eventCancelled(id));
    },

    /** Members-first registration of a network meeting for this actor (null for other events). */
    async membersFirst(actor: Actor, eventId: number) {
      const e = await findEventById(db, eventId);
      return e ? membersFirstState(db, actor, e) : null;
    },

    /** Registers the actor (confirmed or waiting list); a network meeting refuses non-members before its open date. */
    async register(actor: Actor, eventId: number) {
      assertCan(actor, "event:register");
      const e = await findEventById(db, eventId);
      const gate = e ? await membersFirstState(db, actor, e) : null;
      if (gate && !gate.mayRegister) return { kind: "unavailable", reason: "members_first", opensAt: gate.opensAt } as const;
      const outcome = await registerForEvent(db, eventId, actor!.id);
      if (outcome.kind === "registered") {
        await recordAudit(db, { actorId: actor!.id, action: `registration.${outcome.status}`, subjectType: "event", subjectId: eventId });
        await tell("registered", (n) => n.registration(eventId, actor!.id, outcome.status === "confirmed" ? "registration_confirmed" : "registration_waitlisted", outcome.position));
      }
      return outcome;
    },

    /** Cancels the actor's registration and promotes from the waiting list. */
    async cancelRegistration(actor: Actor, eventId: number, baseUrl: string) {
      assertCan(actor, "event:register");
      const result = await cancelRegistration(db, eventId, actor!.id);
      if (result.cancelled) {
        await recordAudit(db, { actorId: actor!.id, action: "registration.cancel", subjectType: "event", subjectId: eventId, details: { promoted: result.promoted } });
        await tell("cancelled registration", (n) => n.registration(eventId, actor!.id, "registration_cancelled"));
        await mailPromoted(eventId, result.promoted, baseUrl);
      }
      return result;
    },

    /** The actor's registration state for an event page. */
    async registrationState(actor: Actor, eventId: number) {
      if (!actor) return null;
      const reg = await findRegistration(db, eventId, actor.id);
      if (!reg || reg.status === "cancelled") return null;
      return { status: reg.status as "confirmed" | "waitlisted", position: await waitlistPosition(db, eventId, actor.id) };
    },
  };
}
