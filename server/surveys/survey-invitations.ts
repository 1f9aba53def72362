import type { DbHandle } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { verifyStatedCity } from "../../db/repositories/city-claims.js";
import { findNetworkBySlug } from "../../db/repositories/networks.js";
import { listResponseStates } from "../../db/repositories/surveys.js";
import {
  addInvitedCities,
  claimReminder,
  consumeSignupLink,
  findSignupLink,
  findSurveyById,
  hasInvitedCities,
  insertSignupLink,
  listCityIdsInScope,
  listInvitedCities,
  listRepresentativesOf,
  markInvitationSent,
  setInvitedCityContact,
  type CityScope,
} from "../../db/repositories/survey-invitations.js";
import { findUserByEmail, insertUser } from "../../db/repositories/users.js";
import { isoFromNow } from "../../db/time.js";
import { surveyInvitations as t } from "../../domain/i18n/pl/survey-invitations.js";
import { SURVEY_REMINDER_MINUTES } from "../../domain/notification-kinds.js";
import { assertCan, type Actor } from "../auth/permissions.js";
import { hashPassword } from "../auth/passwords.js";
import { hashToken, randomToken } from "../auth/tokens.js";
import { resolveCityName } from "../cities/city-field.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../mail/mailer.js";
import type { NotificationService } from "../notifications/notification-service.js";
import { InputError } from "../validation/input-error.js";
import type { InviteForm } from "./survey-invitation-schemas.js";
import { comparePolish } from "../../domain/polish-order.js";

/** A survey as invitations need it (the survey service's view has these fields). */
type SurveyRef = { id: number; slug: string; title: string; respondent: "city" | "person"; closesAt: string; phase: "upcoming" | "open" | "closed" };
type ReminderJob = { surveyId: number; closesAt: string; minutes: number };
export type InviteOutcome = { added: number; notified: number; links: number; noAddress: number };
export type SignupLinkState = { ok: true; cityName: string; surveyTitle: string; email: string } | { ok: false; reason: "invalid" | "used" | "expired" };

const REMINDER_QUEUE = "survey.reminder";
const LINK_TTL_MS = 30 * 86400_000;
const dateText = (iso: string) => new Date(iso).toLocaleDateString("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long" });

/**
 * Invitations to city surveys (issue 13): staff invite cities; each city's verified representatives are notified
 * (kind survey_opened, through notify(), so their settings apply); a city without one gets a personal sign-up link at
 * its contact address. Reminders are durable jobs a week and a day before the close, claimed per city so each goes
 * once however many jobs or instances run.
 */
/**
 * Puts a survey's reminders on the queue (those still ahead) when it has invited cities; queueing them twice is
 * harmless, the claims keep each to once. Exported for `npm run survey:import`, which may move a close date while the
 * app runs.
 */
export async function queueSurveyReminders(deps: DbHandle, queue: JobQueue, s: Pick<SurveyRef, "id" | "respondent" | "closesAt">, reminderMinutes: number[] = SURVEY_REMINDER_MINUTES) {
  if (s.respondent !== "city" || !(await hasInvitedCities(deps.db, s.id))) return;
  for (const minutes of reminderMinutes) {
    const at = Date.parse(s.closesAt) - minutes * 60_000;
    if (at <= Date.now()) continue;
    await queue.send<ReminderJob>(REMINDER_QUEUE, { surveyId: s.id, closesAt: s.closesAt, minutes }, { runAt: new Date(at) });
  }
}

export function createSurveyInvitations(deps: { db: DbHandle; mailer: Mailer; logger: Logger; queue: JobQueue; notifications: NotificationService; origin: () => string; reminderMinutes?: number[] }) {
  const db = deps.db.db;
  const reminderMinutes = deps.reminderMinutes ?? SURVEY_REMINDER_MINUTES;

  const surveyLink = (s: SurveyRef) => `${deps.origin()}/ankiety/${s.slug}`;

  /** Mails a new personal sign-up link for the city (older unused ones stop working). The token is never stored. */
  async function sendSignupLink(s: SurveyRef, city: { cityId: number; name: string }, email: string, actorId: number | null, reminder = false) {
    const token = randomToken();
    const expiresAt = isoFromNow(LINK_TTL_MS);
    await insertSignupLink(db, { surveyId: s.id, cityId: city.cityId, email, tokenHash: hashToken(token), expiresAt, createdBy: actorId });
    const url = `${deps.origin()}/register/zaproszenie?token=${encodeURIComponent(token)}`;
    // Sent directly, not through the job queue: a queued mail would keep the token in the jobs table.
    await deps.mailer.send({ to: email, subject: reminder ? t.mail.reminderLinkSubject(s.title) : t.mail.linkSubject(s.title), text: t.mail.link(city.name, s.title, url, dateText(s.closesAt), dateText(expiresAt)) });
  }

  /** Sends the invitation to the given invited cities: a notification to representatives, else a link. */
  async function sendInvitations(s: SurveyRef, cityIds: number[], actorId: number | null): Promise<Omit<InviteOutcome, "added">> {
    const out = { notified: 0, links: 0, noAddress: 0 };
    if (!cityIds.length) return out;
    const [cities, reps] = await Promise.all([listInvitedCities(db, s.id, cityIds), listRepresentativesOf(db, cityIds)]);
    const closes = dateText(s.closesAt);
    for (const c of cities) {
      const people = reps.filter((r) => r.cityId === c.cityId).map((r) => r.id);
      if (people.length) {
        await deps.notifications.notify(people, "survey_opened", {
          title: t.mail.openedTitle(s.title),
          body: t.mail.openedBody(c.name, closes),
          path: `/ankiety/${s.slug}`,
          mail: { subject: t.mail.openedTitle(s.title), lead: t.mail.openedLead(c.name, s.title), facts: [{ label: t.mail.city, value: c.name }, { label: t.mail.closes, value: closes }], actions: [{ label: t.mail.open, href: surveyLink(s) }] },
        });
        out.notified += people.length;
      } else if (c.contactEmail) {
        await sendSignupLink(s, c, c.contactEmail, actorId);
        out.links++;
      } else {
        out.noAddress++;
        continue;
      }
      await markInvitationSent(db, s.id, c.cityId);
    }
    return out;
  }

  /** Puts the survey's reminders on the queue; see queueSurveyReminders. Call it whenever the close date may have moved. */
  const scheduleReminders = (s: SurveyRef) => queueSurveyReminders(deps.db, deps.queue, s, reminderMinutes);

  /**
   * One reminder run: every invited city that has not submitted, claimed first, so a second job or instance finds it
   * taken. A job carries the close it was scheduled for; after the close moved it does nothing.
   */
  async function runReminder(data: ReminderJob): Promise<number> {
    const survey = await findSurveyById(db, data.surveyId);
    if (!survey || survey.closesAt !== data.closesAt || Date.now() >= Date.parse(survey.closesAt) || survey.respondent !== "city") return 0;
    const s: SurveyRef = { ...survey, phase: "open" };
    const pending = (await listInvitedCities(db, s.id)).filter((c) => c.status !== "submitted");
    const reps = await listRepresentativesOf(db, pending.map((c) => c.cityId));
    const closes = dateText(s.closesAt);
    let reminded = 0;
    for (const c of pending) {
      const people = reps.filter((r) => r.cityId === c.cityId).map((r) => r.id);
      if (!people.length && !c.contactEmail) continue;
      if (!(await claimReminder(db, { surveyId: s.id, cityId: c.cityId, closesAt: s.closesAt, minutes: data.minutes }))) continue;
      if (people.length) {
        await deps.notifications.notify(people, "survey_closing", {
          title: t.mail.closingTitle(s.title),
          body: t.mail.closingBody(c.name, closes),
          path: `/ankiety/${s.slug}`,
          mail: { subject: t.mail.closingTitle(s.title), lead: t.mail.closingLead(c.name, s.title), facts: [{ label: t.mail.city, value: c.name }, { label: t.mail.closes, value: closes }], actions: [{ label: t.mail.open, href: surveyLink(s) }] },
        });
      } else {
        await sendSignupLink(s, c, c.contactEmail!, null, true);
      }
      reminded++;
    }
    return reminded;
  }

  deps.queue.handle<ReminderJob>(REMINDER_QUEUE, async ({ data }) => {
    await runReminder(data);
  });

  /** The ids of the cities an invite form names; unknown or ambiguous names are refused, naming each. */
  async function citiesOf(form: InviteForm): Promise<number[]> {
    if (form.scope === "individual") {
      const names = [...new Set((form.cities ?? "").split(/\r?\n/).map((n) => n.trim()).filter(Boolean))];
      const ids: number[] = [];
      const bad: string[] = [];
      for (const name of names) {
        const r = await resolveCityName(db, name);
        if (r.status === "found") ids.push(r.city.id);
        else bad.push(name);
      }
      if (bad.length) throw new InputError(t.errors.unknownCities(bad), "cities");
      return ids;
    }
    let scope: CityScope;
    if (form.scope === "network") {
      const network = await findNetworkBySlug(db, form.network ?? "");
      if (!network) throw new InputError(t.errors.noCities, "network");
      scope = { kind: "network", networkId: network.id };
    } else if (form.scope === "voivodeship") scope = { kind: "voivodeship", voivodeship: form.voivodeship ?? "" };
    else if (form.scope === "size") scope = { kind: "size", sizeClass: form.size! };
    else scope = { kind: "all" };
    return listCityIdsInScope(db, scope);
  }

  const assertInvitable = (s: SurveyRef) => {
    if (s.respondent !== "city") throw new InputError(t.onlyCitySurvey, "scope");
    if (s.phase === "closed") throw new InputError(t.errors.closed, "scope");
  };

  return {
    /** Invites the cities the form names; cities invited before are not sent a second invitation. */
    async invite(actor: Actor, s: SurveyRef, form: InviteForm): Promise<InviteOutcome> {
      assertCan(actor, "survey:manage");
      assertInvitable(s);
      const cityIds = await citiesOf(form);
      if (!cityIds.length) throw new InputError(t.errors.noCities, form.scope === "individual" ? "cities" : form.scope);
      const added = await addInvitedCities(db, s.id, cityIds, actor!.id);
      const sent = await sendInvitations(s, added, actor!.id);
      if (added.length) await scheduleReminders(s);
      await recordAudit(db, { actorId: actor!.id, action: "survey.invite", subjectType: "survey", subjectId: s.id, details: { added: added.length, ...sent } });
      return { added: added.length, ...sent };
    },

    /** Sends the invitation to one invited city again; `email` first sets its contact address. */
    async resend(actor: Actor, s: SurveyRef, cityId: number, email?: string): Promise<InviteOutcome> {
      assertCan(actor, "survey:manage");
      assertInvitable(s);
      const [city] = await listInvitedCities(db, s.id, [cityId]);
      if (!city) throw new InputError(t.errors.notInvited, "city");
      if (email) await setInvitedCityContact(db, s.id, cityId, email);
      const sent = await sendInvitations(s, [cityId], actor!.id);
      if (sent.noAddress) throw new InputError(t.errors.noAddress, "email");
      await recordAudit(db, { actorId: actor!.id, action: "survey.invite_resend", subjectType: "survey", subjectId: s.id, details: { cityId, ...sent } });
      return { added: 0, ...sent };
    },

    /**
     * Staff's view of who has and has not answered: each invited city with its state, who submitted and when, how
     * many representatives it has and when it was last invited; plus cities that answered without an invitation.
     */
    async status(actor: Actor, s: SurveyRef) {
      assertCan(actor, "survey:manage");
      const [invited, states] = await Promise.all([listInvitedCities(db, s.id), listResponseStates(db, s.id)]);
      const reps = await listRepresentativesOf(db, invited.map((c) => c.cityId));
      const rows = invited.map((c) => ({
        cityId: c.cityId,
        slug: c.slug,
        name: c.name,
        invited: true,
        status: c.status ?? ("none" as const),
        submittedByName: c.status === "submitted" ? c.submittedByName : null,
        submittedAt: c.status === "submitted" ? c.submittedAt : null,
        reps: reps.filter((r) => r.cityId === c.cityId).length,
        contactEmail: c.contactEmail,
        lastSentAt: c.lastSentAt,
      }));
      const known = new Set(rows.map((r) => r.cityId));
      const others = states
        .filter((r) => !known.has(r.cityId))
        .map((r) => ({ cityId: r.cityId, slug: r.slug, name: r.name, invited: false, status: r.status, submittedByName: null, submittedAt: r.submittedAt, reps: 0, contactEmail: null, lastSentAt: null }));
      return [...rows, ...others].sort((a, b) => comparePolish(a.name, b.name));
    },

    /** The reminder dates still ahead (what the staff page announces). */
    reminderDates: (s: SurveyRef) => reminderMinutes.map((m) => Date.parse(s.closesAt) - m * 60_000).filter((at) => at > Date.now()).map((at) => new Date(at).toISOString()),

    scheduleReminders,
    runReminder,

    /** Whether a personal link can still be used, and for which city (the sign-up page shows it fixed). */
    async signupLink(token: string): Promise<SignupLinkState> {
      const link = token.length >= 10 && token.length <= 200 ? await findSignupLink(db, hashToken(token)) : undefined;
      if (!link) return { ok: false, reason: "invalid" };
      if (link.usedAt) return { ok: false, reason: "used" };
      if (Date.parse(link.expiresAt!) <= Date.now()) return { ok: false, reason: "expired" };
      return { ok: true, cityName: link.cityName, surveyTitle: link.surveyTitle, email: link.email };
    },

    /**
     * Creates an account verified for the link's city, and uses the link up, in one transaction: a second use, an
     * expired link or a taken address writes nothing. The city is the token's; nothing in the form can name another.
     */
    async registerWithLink(input: { token: string; name: string; email: string; password: string; position: string | null }, meta: { ip: string }): Promise<{ surveySlug: string }> {
      const state = await this.signupLink(input.token);
      if (!state.ok) throw new InputError(t.signup[state.reason], "token");
      if (await findUserByEmail(db, input.email)) throw new InputError(t.signup.emailTaken, "email");
      const link = (await findSignupLink(db, hashToken(input.token)))!;
      const passwordHash = await hashPassword(input.password);
      const userId = await db.transaction().execute(async (trx) => {
        const id = await insertUser(trx, { email: input.email, name: input.name, passwordHash, role: "member", affiliation: "city", cityId: link.cityId, position: input.position, disabledAt: null });
        if (!(await consumeSignupLink(trx, link.id, id))) throw new InputError(t.signup.used, "token");
        await verifyStatedCity(trx, id, link.cityId, t.signup.claimReason(link.surveyTitle));
        return id;
      });
      await recordAudit(db, { actorId: userId, action: "user.register_survey_link", subjectType: "user", subjectId: userId, ip: meta.ip, details: { cityId: link.cityId, survey: link.surveySlug } });
      return { surveySlug: link.surveySlug };
    },
  };
}

export type SurveyInvitations = ReturnType<typeof createSurveyInvitations>;
