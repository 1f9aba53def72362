import { createHmac, timingSafeEqual } from "node:crypto";
import type { DbHandle } from "../../db/index.js";
import { findEventById, type EventWithAreas } from "../../db/repositories/events.js";
import {
  channelChoicesFor,
  countUnread,
  insertNotification,
  isFollowing,
  listFollowed,
  listRecipients,
  listRegistrants,
  markAllNotificationsRead,
  markNotificationRead,
  listNotifications,
  setChannelChoice,
  setFollowing,
  listChannelChoices,
  findDigestFrequency,
  saveNotificationSettings,
  setDigestFrequency,
} from "../../db/repositories/notifications.js";
import type { NotificationChannel } from "../../db/schema.js";
import { DEFAULT_REMINDER_MINUTES, isNotificationKind, notificationKindNames, notificationKinds, type NotificationKind } from "../../domain/notification-kinds.js";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";
import { events as te } from "../../domain/i18n/pl/events.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Logger } from "../logger.js";
import type { Mail, Mailer } from "../mail/mailer.js";
import { renderNotificationMail } from "../mail/templates/notification-mail.js";
import type { NotifyData } from "./notify-data.js";
import { invitation } from "./invitation.js";
import { createFeedService } from "./feeds.js";
import type { NotificationSettingsForm } from "./notification-schemas.js";
import { findAreasBySlugs, listAreas } from "../../db/repositories/areas.js";
import { findCityById, findCityBySlug, listCityIdsBySlugs } from "../../db/repositories/cities.js";
import { findNetworkBySlug, listNetworks } from "../../db/repositories/networks.js";
import { createContentNotices } from "./content-notices.js";
import { createDigestRunner, DIGEST_EVERY_MINUTES, DIGEST_QUEUE } from "./digest.js";
import type { FollowTargetType } from "../../domain/notification-kinds.js";
import { comparePolish } from "../../domain/polish-order.js";

export type { NotifyData } from "./notify-data.js";

type RegistrationKind = "registration_confirmed" | "registration_waitlisted" | "registration_promoted" | "registration_cancelled";
type ReminderJob = { eventId: number; startsAt: string; minutes: number };

const MAIL_QUEUE = "mail.send";
/** The digest is not a kind in the table (its frequency is its switch), but its mail has an unsubscribe link too. */
const DIGEST = "digest";
export type UnsubscribeKind = NotificationKind | typeof DIGEST;
const REMINDER_QUEUE = "event.reminder";

export type NotificationService = ReturnType<typeof createNotificationService>;

/**
 * Notifications (issue 15): decides per person and kind whether a notice goes by mail, in-app or nowhere, stores the
 * in-app line, and puts every mail on the job queue (so an SMTP failure is retried, not lost). Event registrations,
 * changes and reminders are built here; other domains call notify().
 */
export function createNotificationService(deps: { db: DbHandle; mailer: Mailer; queue: JobQueue; logger: Logger; secret: string; mailFrom: string; origin: () => string }) {
  const db = deps.db.db;
  let publish: (userId: number, unread: number) => void = () => {};

  const sign = (userId: number, kind: string) => createHmac("sha256", deps.secret).update(`unsubscribe:${userId}:${kind}`).digest("base64url");
  // One opaque parameter ("<user>.<kind>.<signature>"): the link authorises exactly one change for one person.
  const unsubscribeToken = (userId: number, kind: string) => `${userId}.${kind}.${sign(userId, kind)}`;
  const unsubscribeUrl = (userId: number, kind: string) => `${deps.origin()}/powiadomienia/wypisz?token=${encodeURIComponent(unsubscribeToken(userId, kind))}`;

  /** The person and kind a signed unsubscribe token names, or null when it is malformed or forged. */
  function readUnsubscribeToken(token: string): { userId: number; kind: UnsubscribeKind } | null {
    const m = /^(\d{1,12})\.([a-z_]{1,64})\.([\w-]{43})$/.exec(token);
    if (!m) return null;
    const [, id, kind, signature] = m;
    const userId = Number(id);
    if (kind !== DIGEST && (!isNotificationKind(kind) || notificationKinds[kind].transactional)) return null;
    const expected = Buffer.from(sign(userId, kind));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    return { userId, kind: kind as UnsubscribeKind };
  }

  deps.queue.handle<Mail>(MAIL_QUEUE, async ({ data }) => deps.mailer.send(data));

  const runDigests = createDigestRunner({ db, origin: deps.origin, unsubscribeUrl: (userId) => unsubscribeUrl(userId, DIGEST), sendMail: (mail) => deps.queue.send(MAIL_QUEUE, mail) });
  // A durable, scheduled job (not a timer): stored in the queue, so it survives a restart and runs once per slot
  // across instances; the digest records (claimDigestPeriod) keep each period's mail to one even if it ran twice.
  deps.queue.handle(DIGEST_QUEUE, async () => {
    await runDigests();
  });
  deps.queue.every(DIGEST_QUEUE, DIGEST_EVERY_MINUTES);

  async function notify(userIds: number[], kind: NotificationKind, data: NotifyData): Promise<void> {
    const spec = notificationKinds[kind];
    const people = await listRecipients(db, [...new Set(userIds)]);
    const choices = spec.transactional ? new Map() : await channelChoicesFor(db, people.map((p) => p.id), kind);
    const base = deps.origin();
    for (const person of people) {
      const channel = spec.transactional ? "mail" : (choices.get(person.id) ?? spec.defaultChannel);
      if (channel === "off") continue;
      await insertNotification(db, { userId: person.id, kind, title: data.title, body: data.body, url: data.path ?? null });
      publish(person.id, await countUnread(db, person.id));
      if (channel !== "mail" || !data.mail) continue;
      const unsubscribe = spec.transactional ? undefined : unsubscribeUrl(person.id, kind);
      const { html, text } = await renderNotificationMail({
        greetingName: person.name,
        lead: data.mail.lead,
        facts: data.mail.facts,
        actions: data.mail.actions,
        settingsUrl: `${base}/konto/powiadomienia`,
        unsubscribeUrl: unsubscribe,
      });
      const mail: Mail = {
        to: person.email,
        subject: data.mail.subject,
        text,
        html,
        // RFC 8058: a POST to this URL unsubscribes without a login or a confirmation page.
        ...(unsubscribe ? { headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } } : {}),
        ...(data.mail.calendar ? { calendar: data.mail.calendar(person) } : {}),
      };
      await deps.queue.send(MAIL_QUEUE, mail);
    }
  }

  function eventFacts(e: EventWithAreas) {
    return [
      { label: t.mail.when, value: t.mail.whenText(e.startsAt) },
      { label: t.mail.where, value: e.place ?? te.formats[e.format] },
    ];
  }

  // The join link goes only to confirmed participants (server/events/join-link.ts): never to the waiting list.
  const joinFor = (e: EventWithAreas, confirmed: boolean) => (confirmed && e.format !== "onsite" && e.joinUrl ? e.joinUrl : null);

  function eventActions(e: EventWithAreas, joinUrl: string | null, withCancel: boolean) {
    const page = `${deps.origin()}/wydarzenia/${e.slug}`;
    return [...(joinUrl ? [{ label: t.mail.join, href: joinUrl }] : []), { label: t.mail.page, href: page }, ...(withCancel ? [{ label: t.mail.cancelLink, href: `${page}#registration-title` }] : [])];
  }

  const reminderMinutes = (e: EventWithAreas) => {
    const parsed = e.reminderMinutes.split(",").map(Number).filter((n) => Number.isInteger(n) && n > 0);
    return parsed.length ? parsed : DEFAULT_REMINDER_MINUTES;
  };

  const calendarFor = (e: EventWithAreas, joinUrl: string | null, method: "REQUEST" | "CANCEL") => (person: { name: string; email: string }) => ({
    method,
    content: invitation({ event: e, baseUrl: deps.origin(), attendee: person, organizer: deps.mailFrom, joinUrl, method, alarmMinutes: Math.min(...reminderMinutes(e)) }),
  });

  async function scheduleReminders(e: EventWithAreas) {
    if (e.status === "cancelled") return;
    for (const minutes of reminderMinutes(e)) {
      const at = Date.parse(e.startsAt) - minutes * 60_000;
      if (at <= Date.now()) continue;
      await deps.queue.send<ReminderJob>(REMINDER_QUEUE, { eventId: e.id, startsAt: e.startsAt, minutes }, { runAt: new Date(at) });
    }
  }

  // A reminder job carries the start it was scheduled for: after a move it finds a different start and does nothing
  // (the move scheduled new ones), so a moved event is never announced at the old time.
  deps.queue.handle<ReminderJob>(REMINDER_QUEUE, async ({ data }) => {
    const e = await findEventById(db, data.eventId);
    if (!e || e.status === "cancelled" || e.startsAt !== data.startsAt) return;
    const confirmed = (await listRegistrants(db, e.id)).filter((r) => r.status === "confirmed").map((r) => r.userId);
    const joinUrl = joinFor(e, true);
    await notify(confirmed, "event_reminder", {
      title: t.mail.reminderSubject(e.title, data.minutes),
      body: t.mail.whenText(e.startsAt),
      path: `/wydarzenia/${e.slug}`,
      mail: { subject: t.mail.reminderSubject(e.title, data.minutes), lead: t.mail.reminderLead(e.title, data.minutes), facts: eventFacts(e), actions: eventActions(e, joinUrl, true) },
    });
  });

  return {
    notify,
    /** Atom feeds of the library and events (the same origin as mail links). */
    feeds: createFeedService({ db: deps.db, origin: deps.origin }),
    /** Receives the unread count whenever it changes (the live hub pushes it to the person's open pages). */
    onUnreadChange(fn: (userId: number, unread: number) => void) {
      publish = fn;
    },
    unsubscribeUrl,

    /** Mails a person about their own registration: confirmation (with invitation), waiting list, promotion, cancellation. */
    async registration(eventId: number, userId: number, kind: RegistrationKind, position: number | null = null) {
      const e = await findEventById(db, eventId);
      if (!e) return;
      const confirmed = kind === "registration_confirmed" || kind === "registration_promoted";
      const joinUrl = joinFor(e, confirmed);
      const [subject, lead] =
        kind === "registration_confirmed"
          ? [t.mail.confirmedSubject(e.title), t.mail.confirmedLead(e.title)]
          : kind === "registration_promoted"
            ? [t.mail.promotedSubject(e.title), t.mail.promotedLead(e.title)]
            : kind === "registration_waitlisted"
              ? [t.mail.waitlistedSubject(e.title), t.mail.waitlistedLead(e.title, position ?? 1)]
              : [t.mail.cancelledSubject(e.title), t.mail.cancelledLead(e.title)];
      await notify([userId], kind, {
        title: subject,
        body: t.mail.whenText(e.startsAt),
        path: `/wydarzenia/${e.slug}`,
        mail: {
          subject,
          lead,
          facts: eventFacts(e),
          actions: eventActions(e, joinUrl, kind !== "registration_cancelled"),
          ...(confirmed ? { calendar: calendarFor(e, joinUrl, "REQUEST") } : kind === "registration_cancelled" ? { calendar: calendarFor(e, null, "CANCEL") } : {}),
        },
      });
    },

    /** A new event: its reminders go on the queue. */
    async eventCreated(eventId: number) {
      const e = await findEventById(db, eventId);
      if (e) await scheduleReminders(e);
    },

    /** An edited event: a new time or link goes to every registered person at once; a new time moves the reminders. */
    async eventUpdated(before: EventWithAreas, eventId: number) {
      const e = await findEventById(db, eventId);
      if (!e) return;
      const moved = before.startsAt !== e.startsAt || before.endsAt !== e.endsAt;
      const relinked = (before.joinUrl ?? "") !== (e.joinUrl ?? "") || (before.place ?? "") !== (e.place ?? "") || before.format !== e.format;
      if (moved || before.reminderMinutes !== e.reminderMinutes) await scheduleReminders(e);
      if (!moved && !relinked) return;
      for (const r of await listRegistrants(db, e.id)) {
        const joinUrl = joinFor(e, r.status === "confirmed");
        await notify([r.userId], "event_changed", {
          title: t.mail.movedSubject(e.title),
          body: t.mail.whenText(e.startsAt),
          path: `/wydarzenia/${e.slug}`,
          mail: { subject: t.mail.movedSubject(e.title), lead: t.mail.movedLead(e.title), facts: eventFacts(e), actions: eventActions(e, joinUrl, true), ...(r.status === "confirmed" ? { calendar: calendarFor(e, joinUrl, "REQUEST") } : {}) },
        });
      }
    },

    /** A cancelled event: every registered person is told, and the calendar entry is withdrawn. */
    async eventCancelled(eventId: number) {
      const e = await findEventById(db, eventId);
      if (!e) return;
      const people = await listRegistrants(db, e.id);
      await notify(people.map((p) => p.userId), "event_cancelled", {
        title: t.mail.eventCancelledSubject(e.title),
        body: t.mail.whenText(e.startsAt),
        path: `/wydarzenia/${e.slug}`,
        mail: { subject: t.mail.eventCancelledSubject(e.title), lead: t.mail.eventCancelledLead(e.title), facts: eventFacts(e), actions: eventActions(e, null, false), calendar: calendarFor(e, null, "CANCEL") },
      });
    },

    /** The kind a signed unsubscribe link is for (the confirmation page names it), or null when it is not valid. */
    unsubscribeKind: (token: string): UnsubscribeKind | null => readUnsubscribeToken(token)?.kind ?? null,
    /** Sends the digests due now (the digest job calls it; tests call it with a chosen time). */
    runDigests,
    /** Agenda, library and live notices (programme opened and published, materials added, a question answered). */
    content: createContentNotices({ db, notify, origin: deps.origin, logger: deps.logger }),

    /**
     * One-click unsubscribe (RFC 8058) from a signed link: no login. The kind stops coming by mail and stays in the
     * notification centre. Null when the link is not valid.
     */
    async unsubscribe(token: string): Promise<UnsubscribeKind | null> {
      const who = readUnsubscribeToken(token);
      if (!who) return null;
      if (who.kind === DIGEST) await setDigestFrequency(db, who.userId, "off");
      else await setChannelChoice(db, who.userId, who.kind, "app");
      return who.kind;
    },

    /** What /konto/powiadomienia shows: the channel per kind (chosen or default), digest frequency, and what can be and is followed. */
    async settings(userId: number) {
      const [chosen, digest, followed, areas, networks] = await Promise.all([listChannelChoices(db, userId), findDigestFrequency(db, userId), listFollowed(db, userId), listAreas(db), listNetworks(db)]);
      const channels = Object.fromEntries(
        notificationKindNames.map((k) => [k, notificationKinds[k].transactional ? "mail" : (chosen.get(k) ?? notificationKinds[k].defaultChannel)]),
      ) as Record<NotificationKind, NotificationChannel>;
      // Cities are followed from their pages (there are hundreds): the form lists only those followed, to unfollow.
      const cities = (await Promise.all(followed.cityIds.map((id) => findCityById(db, id)))).filter((c) => c !== undefined);
      return {
        channels,
        digest,
        areas: areas.map((a) => ({ slug: a.slug, name: a.name, followed: followed.areaIds.includes(a.id) })),
        cities: cities.map((c) => ({ slug: c.slug, name: c.name })).sort((a, b) => comparePolish(a.name, b.name)),
        networks: networks.map((n) => ({ slug: n.slug, name: n.name, followed: followed.networkIds.includes(n.id) })),
      };
    },

    /** Saves the settings form in one transaction; transactional kinds are not in it and stay on mail; unknown slugs are dropped. */
    async saveSettings(userId: number, form: NotificationSettingsForm) {
      const [areas, cities, networks] = await Promise.all([findAreasBySlugs(db, form.areaSlugs), listCityIdsBySlugs(db, form.citySlugs), listNetworks(db)]);
      await saveNotificationSettings(db, userId, {
        channels: Object.entries(form.channels).filter(([k]) => isNotificationKind(k) && !notificationKinds[k].transactional),
        digest: form.digest,
        follows: { areaIds: areas.map((a) => a.id), cityIds: cities.map((c) => c.id), networkIds: networks.filter((n) => form.networkSlugs.includes(n.slug)).map((n) => n.id) },
      });
    },

    /** Whether the person follows a city or network (the "Obserwuj" button's state). */
    isFollowing: (userId: number, type: Exclude<FollowTargetType, "area">, targetId: number) => isFollowing(db, userId, type, targetId),

    /** Starts or stops following a city or network by slug; false when there is no such (public) city or network. */
    async follow(userId: number, type: Exclude<FollowTargetType, "area">, slug: string, on: boolean): Promise<boolean> {
      const target = type === "city" ? await findCityBySlug(db, slug) : await findNetworkBySlug(db, slug);
      if (!target || (type === "city" && "confirmed" in target && !target.confirmed)) return false;
      await setFollowing(db, userId, type, target.id, on);
      return true;
    },

    list: (userId: number) => listNotifications(db, userId),
    unreadCount: (userId: number) => countUnread(db, userId),
    async markRead(userId: number, id: number | "all") {
      if (id === "all") await markAllNotificationsRead(db, userId);
      else await markNotificationRead(db, userId, id);
      publish(userId, await countUnread(db, userId));
    },
  };
}
