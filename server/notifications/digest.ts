import type { Db } from "../../db/index.js";
import { listDigestEvents, listDigestLibraryItems } from "../../db/repositories/digest.js";
import { listMemberNetworkIdsOfUser } from "../../db/repositories/library-visibility.js";
import { claimDigestPeriod, hasDigestFor, lastDigestAt, listDigestSubscribers, listFollowed } from "../../db/repositories/notifications.js";
import { notifications as t } from "../../domain/i18n/pl/notifications.js";
import { library as tl } from "../../domain/i18n/pl/library.js";
import type { Mail } from "../mail/mailer.js";
import { renderNotificationMail } from "../mail/templates/notification-mail.js";
import { digestPeriod, PERIOD_MS } from "./digest-period.js";

/** The queue whose recurring job sends the digests that are due (server/create-app.ts schedules it). */
export const DIGEST_QUEUE = "notifications.digest";
/** How often the digest job runs: the first run of a new period sends that period's digests. */
export const DIGEST_EVERY_MINUTES = 15;
// New events are named when announced if they start within this window; every event once more just before it starts.
const ANNOUNCE_WINDOW_MS = 90 * 86400_000;

/**
 * The daily or weekly digest: for each person who chose one, the library items published since their last digest and
 * the upcoming events in the thematic areas, cities and networks they follow, in one mail. Each person's period is
 * claimed by inserting its record (claimDigestPeriod), so two instances, overlapping runs or a retried job send it
 * once; a period with nothing to tell is recorded too and sends no mail.
 */
export function createDigestRunner(deps: { db: Db; origin: () => string; unsubscribeUrl: (userId: number) => string; sendMail: (mail: Mail) => Promise<void> }) {
  const { db } = deps;

  return async function runDigests(now = new Date()): Promise<number> {
    let sent = 0;
    for (const frequency of ["daily", "weekly"] as const) {
      const period = digestPeriod(frequency, now);
      const length = PERIOD_MS[frequency];
      for (const person of await listDigestSubscribers(db, frequency)) {
        if (await hasDigestFor(db, person.userId, period)) continue;
        const since = (await lastDigestAt(db, person.userId)) ?? new Date(now.getTime() - length).toISOString();
        const followed = await listFollowed(db, person.userId);
        // Members-only network materials reach only the networks' members (staff get them on the site, not by mail).
        const items = await listDigestLibraryItems(db, followed, since, 30, await listMemberNetworkIdsOfUser(db, person.userId));
        const events = await listDigestEvents(
          db,
          followed,
          { from: now.toISOString(), newSince: since, soonUntil: new Date(now.getTime() + length).toISOString(), until: new Date(now.getTime() + ANNOUNCE_WINDOW_MS).toISOString() },
          20,
        );
        const claimed = await claimDigestPeriod(db, { userId: person.userId, period, frequency, libraryItems: items.length, events: events.length, sentAt: now.toISOString() });
        if (!claimed || items.length + events.length === 0) continue;
        const base = deps.origin();
        const unsubscribe = deps.unsubscribeUrl(person.userId);
        const { html, text } = await renderNotificationMail({
          greetingName: person.name,
          lead: [items.length ? t.mail.digestLead(frequency, items.length) : null, events.length ? t.mail.digestEventsLead(events.length) : null].filter(Boolean).join(" "),
          facts: [
            ...items.map((i) => ({ label: tl.kinds[i.kind], value: `${i.title} — ${base}/biblioteka/${i.slug}` })),
            ...events.map((e) => ({ label: t.mail.digestEvent(t.mail.whenText(e.startsAt)), value: `${e.title} — ${base}/wydarzenia/${e.slug}` })),
          ],
          actions: [...(items.length ? [{ label: t.feeds.library, href: `${base}/biblioteka` }] : []), ...(events.length ? [{ label: t.mail.eventsPage, href: `${base}/wydarzenia` }] : [])],
          settingsUrl: `${base}/konto/powiadomienia`,
          unsubscribeUrl: unsubscribe,
        });
        await deps.sendMail({
          to: person.email,
          subject: t.mail.digestSubject(items.length, events.length),
          text,
          html,
          headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
        });
        sent++;
      }
    }
    return sent;
  };
}
