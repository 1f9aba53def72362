import type { Db } from "../../db/index.js";
import { findAgreementForReminder, listThreadParticipants } from "../../db/repositories/network-work.js";
import { listCityPeople } from "../../db/repositories/users.js";
import { networks as t } from "../../domain/i18n/pl/networks.js";
import { localToUtcIso } from "../events/time-zone.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { NotificationService } from "../notifications/notification-service.js";

/** Days before an agreement's due date at which its owners are reminded. */
export const AGREEMENT_REMINDER_DAYS = 3;
const AGREEMENT_QUEUE = "network.agreement-due";
type AgreementJob = { agreementId: number; dueOn: string };

/** `origin` makes the mail's links absolute (the same origin as every other mail). */
type Deps = { db: Db; queue: JobQueue; notifications: Pick<NotificationService, "notify">; origin: () => string };

/**
 * What networks tell people (issue 14): a reply in a network discussion to the thread's author and everyone who wrote
 * in it (never to the replier), and "agreement due" to the owner city's verified representatives or the owner person
 * a few days before the due date, as a durable job (it survives restarts; an agreement done, dropped or re-dated by
 * then is skipped, like the event reminders).
 */
export function createNetworkNotices(deps: Deps) {
  deps.queue.handle<AgreementJob>(AGREEMENT_QUEUE, async ({ data }) => {
    const a = await findAgreementForReminder(deps.db, data.agreementId);
    if (!a || a.dueOn !== data.dueOn || a.status === "done" || a.status === "dropped") return;
    const people = a.ownerCityId !== null ? (await listCityPeople(deps.db, a.ownerCityId)).map((p) => p.id) : a.ownerUserId !== null ? [a.ownerUserId] : [];
    if (people.length === 0) return;
    const path = `/sieci/${a.networkSlug}`;
    await deps.notifications.notify(people, "network_agreement_due", {
      title: t.notify.agreementTitle(a.title, a.dueOn),
      body: t.notify.agreementBody(a.networkName),
      path,
      mail: { subject: t.notify.agreementTitle(a.title, a.dueOn), lead: t.notify.agreementLead(a.title, a.networkName, a.dueOn), actions: [{ label: t.notify.open, href: `${deps.origin()}${path}` }] },
    });
  });

  return {
    /** Queues the reminder of a new agreement with a due date (at once when the date is nearer than the lead time). */
    async agreementRecorded(agreementId: number, dueOn: string | null, now = Date.now()): Promise<void> {
      if (!dueOn) return;
      const due = Date.parse(localToUtcIso(`${dueOn}T09:00`));
      if (due <= now) return;
      const at = Math.max(now, due - AGREEMENT_REMINDER_DAYS * 86_400_000);
      await deps.queue.send<AgreementJob>(AGREEMENT_QUEUE, { agreementId, dueOn }, { runAt: new Date(at) });
    },

    /** Tells the thread's author and participants (not the replier) about a reply. */
    async replied(p: { threadId: number; threadTitle: string; authorId: number; authorName: string; body: string; networkSlug: string; networkName: string }): Promise<void> {
      const people = (await listThreadParticipants(deps.db, p.threadId)).filter((id) => id !== p.authorId);
      if (people.length === 0) return;
      const excerpt = p.body.length > 200 ? `${p.body.slice(0, 197)}…` : p.body;
      const path = `/sieci/${p.networkSlug}#thread-${p.threadId}`;
      await deps.notifications.notify(people, "network_reply", {
        title: t.notify.replyTitle(p.networkName, p.threadTitle),
        body: t.notify.replyBody(p.authorName, excerpt),
        path,
        mail: { subject: t.notify.replyTitle(p.networkName, p.threadTitle), lead: t.notify.replyLead(p.authorName, p.threadTitle, p.networkName), facts: [{ label: p.authorName, value: excerpt }], actions: [{ label: t.notify.open, href: `${deps.origin()}${path}` }] },
      });
    },
  };
}

export type NetworkNotices = ReturnType<typeof createNetworkNotices>;
