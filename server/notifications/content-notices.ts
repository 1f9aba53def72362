import type { Db } from "../../db/index.js";
import { findEventById } from "../../db/repositories/events.js";
import { findLibraryItemById } from "../../db/repositories/library-queries.js";
import { findLiveMessage } from "../../db/repositories/live-messages.js";
import { listPeopleOfCities, listRegistrants } from "../../db/repositories/notifications.js";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";
import type { NotificationKind } from "../../domain/notification-kinds.js";
import type { Logger } from "../logger.js";
import type { NotifyData } from "./notify-data.js";

type Notify = (userIds: number[], kind: NotificationKind, data: NotifyData) => Promise<void>;

/**
 * Co-design and content notices (issue 15): the agenda, library and live services call these after their change is
 * stored; each finds its recipients and goes through notify(), so per-kind choices and unsubscribe links apply.
 *
 * A failed notice never undoes the change it reports: it is logged here (mail itself is retried by the queue).
 */
export function createContentNotices(deps: { db: Db; notify: Notify; origin: () => string; logger: Logger }) {
  const { db } = deps;
  const abs = (path: string) => `${deps.origin()}${path}`;
  const safe =
    <A extends unknown[]>(what: string, run: (...args: A) => Promise<void>) =>
    (...args: A): Promise<void> =>
      run(...args).catch((error) => deps.logger.error(`notice failed: ${what}`, { error }));

  return {
    /** Co-design opened to these cities (newly invited, or the workspace reopened): their verified people are told. */
    agendaOpened: safe("agendaOpened", async (eventId: number, cityIds: number[]) => {
      const e = await findEventById(db, eventId);
      if (!e || e.status === "cancelled") return;
      const path = `/wydarzenia/${e.slug}/program`;
      await deps.notify(await listPeopleOfCities(db, cityIds), "agenda_opened", {
        title: t.mail.agendaOpenedSubject(e.title),
        body: t.mail.agendaOpenedBody,
        path,
        mail: {
          subject: t.mail.agendaOpenedSubject(e.title),
          lead: t.mail.agendaOpenedLead(e.title),
          facts: [{ label: t.mail.when, value: t.mail.whenText(e.startsAt) }],
          actions: [{ label: t.mail.agendaWorkspace, href: abs(path) }],
        },
      });
    }),

    /** A programme version published: registered people and the people of the invited cities are told. */
    programmePublished: safe("programmePublished", async (eventId: number, version: number, invitedCityIds: number[]) => {
      const e = await findEventById(db, eventId);
      if (!e || e.status === "cancelled") return;
      const registered = (await listRegistrants(db, e.id)).map((r) => r.userId);
      const path = `/wydarzenia/${e.slug}/program`;
      await deps.notify([...registered, ...(await listPeopleOfCities(db, invitedCityIds))], "programme_published", {
        title: t.mail.programmePublishedSubject(e.title),
        body: t.mail.programmePublishedLead(e.title, version),
        path,
        mail: {
          subject: t.mail.programmePublishedSubject(e.title),
          lead: t.mail.programmePublishedLead(e.title, version),
          facts: [{ label: t.mail.when, value: t.mail.whenText(e.startsAt) }],
          actions: [
            { label: t.mail.programme, href: abs(path) },
            { label: t.mail.page, href: abs(`/wydarzenia/${e.slug}`) },
          ],
        },
      });
    }),

    /** A recording or material of an event published in the library: its confirmed participants are told. */
    materialsPublished: safe("materialsPublished", async (itemId: number) => {
      const item = await findLibraryItemById(db, itemId);
      if (!item || item.status !== "published" || !item.event || (item.kind !== "material" && item.kind !== "recording")) return;
      const confirmed = (await listRegistrants(db, item.event.id)).filter((r) => r.status === "confirmed").map((r) => r.userId);
      const path = `/biblioteka/${item.slug}`;
      const lead = t.mail.materialsLead(item.event.title, item.title, item.kind === "recording");
      await deps.notify(confirmed, "materials_added", {
        title: t.mail.materialsSubject(item.event.title),
        body: lead,
        path,
        mail: {
          subject: t.mail.materialsSubject(item.event.title),
          lead,
          actions: [
            { label: t.mail.material, href: abs(path) },
            { label: t.mail.page, href: abs(`/wydarzenia/${item.event.slug}`) },
          ],
        },
      });
    }),

    /**
     * A question in a live room answered: marked answered by a moderator (`replyId` absent) or replied to. Its author
     * is told, unless they answered themselves.
     */
    liveAnswered: safe("liveAnswered", async (questionId: number, replyId?: number) => {
      const q = await findLiveMessage(db, questionId);
      if (!q || q.kind !== "question" || q.authorId === null || q.deletedAt || q.hiddenAt) return;
      const reply = replyId === undefined ? undefined : await findLiveMessage(db, replyId);
      if (reply && reply.authorId === q.authorId) return;
      const e = await findEventById(db, q.eventId);
      if (!e) return;
      const lead = reply ? t.mail.liveReplyLead(e.title, reply.authorName ?? t.mail.someone) : t.mail.liveAnsweredLead(e.title);
      const answer = reply ? reply.body : q.answer;
      const path = `/wydarzenia/${e.slug}/na-zywo`;
      await deps.notify([q.authorId], "live_answer", {
        title: t.mail.liveAnswerSubject(e.title),
        body: answer ? `${t.mail.answer}: ${answer}` : lead,
        path,
        mail: {
          subject: t.mail.liveAnswerSubject(e.title),
          lead,
          facts: [{ label: t.mail.question, value: q.body }, ...(answer ? [{ label: t.mail.answer, value: answer }] : [])],
          actions: [{ label: t.mail.liveRoom, href: abs(path) }],
        },
      });
    }),
  };
}

export type ContentNotices = ReturnType<typeof createContentNotices>;
