import type { Db } from "../../db/index.js";
import { calendarTokenCreatedAt, findCalendarTokenUser, replaceCalendarToken } from "../../db/repositories/calendar-tokens.js";
import { listRegisteredEvents } from "../../db/repositories/events.js";
import { events as t } from "../../domain/i18n/pl/events.js";
import { assertCan, type Actor } from "../auth/permissions.js";
import { hashToken, randomToken } from "../auth/tokens.js";
import { toICalendar } from "./ical.js";
import { maySeeJoinLink } from "./join-link.js";

// Calendars keep the last month of past entries, as the public feed does.
const KEEP_PAST_MS = 30 * 86400_000;
// Tokens are 43 base64url characters; anything else is not worth a database look-up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** A person's own calendar feed under a secret URL: the events they registered for, join links for confirmed ones. */
export function createPersonalCalendar(db: Db) {
  return {
    /** Makes a new feed token for the actor, ending the old one; the token is returned once and never stored. */
    async resetToken(actor: Actor): Promise<string> {
      assertCan(actor, "account:use");
      const token = randomToken();
      await replaceCalendarToken(db, actor!.id, hashToken(token));
      return token;
    },

    /** When the actor's current feed token was made (null: they have none). */
    tokenCreatedAt(actor: Actor): Promise<string | null> {
      assertCan(actor, "account:use");
      return calendarTokenCreatedAt(db, actor!.id);
    },

    /** The iCalendar text of the feed a token opens, or null for an unknown, reset or malformed token. */
    async feed(token: string, baseUrl: string): Promise<string | null> {
      if (!TOKEN_SHAPE.test(token)) return null;
      const owner = await findCalendarTokenUser(db, hashToken(token));
      if (!owner) return null;
      const actor: Actor = { id: owner.userId, role: owner.role, cityId: owner.cityId };
      const events = await listRegisteredEvents(db, owner.userId, new Date(Date.now() - KEEP_PAST_MS).toISOString());
      const status = new Map(events.map((e) => [e.id, e.registrationStatus]));
      return toICalendar(events, baseUrl, t.ical.personalFeedName, (e) => (maySeeJoinLink(actor, status.get(e.id)) ? e.joinUrl : null));
    },
  };
}

export type PersonalCalendar = ReturnType<typeof createPersonalCalendar>;
