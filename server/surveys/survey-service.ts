import type { DbHandle } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { listVoivodeships } from "../../db/repositories/cities.js";
import {
  findResponse,
  findSurveyBySlug,
  listCityResponses,
  listSubmittedResponses,
  listSurveys,
  writeResponse,
  type ResultFilter,
} from "../../db/repositories/surveys.js";
import { deleteSurveyTopic, listSurveyTopics, type SurveyTopic } from "../../db/repositories/survey-topics.js";
import type { SurveyRow } from "../../db/schema.js";
import { assertCan, can, cityAnswersAccess, isStaff, surveyAccess, type Actor } from "../auth/permissions.js";
import type { AgendaDocs } from "../agenda/agenda-hub.js";
import type { EventService } from "../events/event-service.js";
import type { Logger } from "../logger.js";
import type { Mailer } from "../mail/mailer.js";
import type { JobQueue } from "../jobs/job-queue.js";
import type { NotificationService } from "../notifications/notification-service.js";
import { createSurveyInvitations } from "./survey-invitations.js";
import { readAnswers, type Answers } from "./survey-answers.js";
import type { SurveyDefinition, SurveyQuestion } from "./survey-definition.js";
import { definitionOf, type SurveyDraft } from "./survey-builder-form.js";
import { importSurvey, storeSurvey, type StoreOutcome } from "./survey-import.js";
import { readableAnswers } from "./survey-readable.js";
import { listNetworks } from "../../db/repositories/networks.js";
import { computeResults, type SurveyResults } from "./survey-results.js";
import { proposeTopics, type ProposeOutcome } from "./survey-propose.js";
import { mergeOpenAnswers, proposable, topicOptionId, type MergeTopicInput } from "./survey-topics.js";
import { surveys as text } from "../../domain/i18n/pl/surveys.js";

/** A survey as pages show it: its definition plus where it stands in time. */
export type SurveyView = SurveyDefinition & { id: number; phase: "upcoming" | "open" | "closed" };

export type SaveOutcome =
  | { ok: true; status: "draft" | "submitted"; version: number }
  | { ok: false; reason: "signIn" | "noCity" | "notOpen" | "closed" }
  | { ok: false; reason: "invalid"; errors: Record<string, string> }
  | { ok: false; reason: "stale"; current: Answers; version: number };

function viewOf(row: SurveyRow, now = Date.now()): SurveyView {
  const questions = JSON.parse(row.questions) as SurveyQuestion[];
  const phase = now < Date.parse(row.opensAt) ? "upcoming" : now >= Date.parse(row.closesAt) ? "closed" : "open";
  return { id: row.id, slug: row.slug, title: row.title, intro: row.intro, respondent: row.respondent, opensAt: row.opensAt, closesAt: row.closesAt, questions, phase };
}

const respondentOf = (s: SurveyView, actor: Actor) => (s.respondent === "city" ? { cityId: actor?.cityId ?? null, personId: null } : { cityId: null, personId: actor?.id ?? null });

/** City surveys (issue 13): import and export, answering with a version check, results, topics into the agenda. */
export function createSurveyService(deps: { db: DbHandle; mailer: Mailer; logger: Logger; hub: AgendaDocs; events: EventService; queue: JobQueue; notifications: NotificationService; origin: () => string }) {
  const db = deps.db.db;

  const bySlug = async (slug: string): Promise<SurveyView | null> => {
    const row = await findSurveyBySlug(db, slug);
    return row ? viewOf(row) : null;
  };

  /** The actor's own response (their city's for a city survey). */
  const ownResponse = async (s: SurveyView, actor: Actor) => {
    const who = respondentOf(s, actor);
    if (who.cityId !== null) return findResponse(db, s.id, { cityId: who.cityId });
    if (who.personId !== null) return findResponse(db, s.id, { personId: who.personId });
    return undefined;
  };

  const invitations = createSurveyInvitations(deps);

  return {
    bySlug,

    /** Invitations, personal sign-up links for cities without an account, reminders, who has answered. */
    invitations,

    /** Every survey with its phase (the /ankiety list). */
    async list(): Promise<SurveyView[]> {
      return (await listSurveys(db)).map((r) => viewOf(r));
    },

    /**
     * Imports a survey definition (file text or parsed JSON); an existing slug is updated. `actor` null is the CLI.
     * Returns the problems, one per line, when the file is invalid; nothing is stored then.
     */
    async import(actor: Actor | "cli", input: string | unknown): Promise<StoreOutcome> {
      if (actor !== "cli") assertCan(actor, "survey:manage");
      const result = await importSurvey(deps.db, actor === "cli" ? null : actor!.id, input);
      // A moved close date: reminders already queued for the old one do nothing, so queue the new ones.
      const updated = result.ok ? await bySlug(result.slug) : null;
      if (updated) await invitations.scheduleReminders(updated);
      return result;
    },

    /** The builder's "Nowa ankieta": stores the draft as a new survey (a known slug is refused). */
    async create(actor: Actor, draft: SurveyDraft): Promise<StoreOutcome> {
      assertCan(actor, "survey:manage");
      return storeSurvey(deps.db, actor!.id, definitionOf(draft), { action: "survey.create", mustBeNew: true });
    },

    /** The builder's save of an existing survey (its slug never changes); edits that would orphan answers are refused. */
    async edit(actor: Actor, slug: string, draft: SurveyDraft): Promise<StoreOutcome> {
      assertCan(actor, "survey:manage");
      const result = await storeSurvey(deps.db, actor!.id, definitionOf({ ...draft, slug }), { action: "survey.edit" });
      // A close date moved in the builder: reminders queued for the old one do nothing, so queue the new ones.
      const updated = result.ok ? await bySlug(slug) : null;
      if (updated) await invitations.scheduleReminders(updated);
      return result;
    },

    /** The survey as its import file (staff). */
    async exportDefinition(actor: Actor, slug: string): Promise<SurveyDefinition | null> {
      assertCan(actor, "survey:manage");
      const s = await bySlug(slug);
      if (!s) return null;
      const { id: _id, phase: _phase, ...definition } = s;
      return definition;
    },

    /** What the answering page needs: may the actor answer, and the current response (their city's). */
    async answering(actor: Actor, s: SurveyView) {
      const access = surveyAccess(actor, { respondent: s.respondent, phase: s.phase, answered: false });
      const response = access.answer ? await ownResponse(s, actor) : undefined;
      return {
        access,
        response: response
          ? {
              status: response.status,
              version: response.version,
              answers: JSON.parse(response.answers) as Answers,
              updatedByName: response.updatedByName,
              submittedByName: response.submittedByName,
              submittedAt: response.submittedAt,
              updatedAt: response.updatedAt,
            }
          : null,
      };
    },

    /**
     * Saves (intent save: a draft) or submits the actor's answers. A response already submitted stays submitted and
     * must stay complete. `expectedVersion` is the version the form was drawn from (0: none yet); if someone else
     * wrote meanwhile the write is refused and the current answers come back, so nobody's answers vanish silently.
     */
    async save(actor: Actor, slug: string, entries: [string, string][], intent: "save" | "submit", expectedVersion: number): Promise<SaveOutcome> {
      const s = await bySlug(slug);
      if (!s) throw new Error("survey not found");
      if (!actor) return { ok: false, reason: "signIn" };
      if (s.phase === "upcoming") return { ok: false, reason: "notOpen" };
      if (s.phase === "closed") return { ok: false, reason: "closed" };
      if (s.respondent === "city" && !can(actor, "survey:answer-city")) return { ok: false, reason: "noCity" };
      const existing = await ownResponse(s, actor);
      const submit = intent === "submit";
      const complete = submit || existing?.status === "submitted";
      const { answers, errors } = readAnswers(s.questions, entries, { complete });
      if (Object.keys(errors).length) return { ok: false, reason: "invalid", errors };
      const stale = async (): Promise<SaveOutcome> => {
        const now = await ownResponse(s, actor);
        return { ok: false, reason: "stale", current: now ? (JSON.parse(now.answers) as Answers) : {}, version: now?.version ?? 0 };
      };
      if ((existing?.version ?? 0) !== expectedVersion) return stale();
      const status = complete ? "submitted" : "draft";
      const written = await writeResponse(db, s.id, respondentOf(s, actor), expectedVersion, { answers: JSON.stringify(answers), status, userId: actor.id, submit });
      if (!written) return stale();
      return { ok: true, status, version: expectedVersion + 1 };
    },

    /** May the actor see the results? Staff always; respondents once the survey has closed. */
    async resultsAccess(actor: Actor, s: SurveyView): Promise<boolean> {
      if (isStaff(actor)) return true;
      const mine = s.phase === "closed" && actor ? await ownResponse(s, actor) : undefined;
      return surveyAccess(actor, { respondent: s.respondent, phase: s.phase, answered: mine?.status === "submitted" }).results;
    },

    /** Counts, backers and means of submitted answers, filtered by the cities' voivodeship, size and network. */
    async results(actor: Actor, s: SurveyView, filter: ResultFilter = {}): Promise<SurveyResults & { rows: { id: number; citySlug: string; cityName: string; voivodeship: string; sizeClass: string; answers: Answers }[] }> {
      if (!(await this.resultsAccess(actor, s))) assertCan(actor, "survey:manage");
      const rows = (await listSubmittedResponses(db, s.id, filter)).map((r) => ({
        id: r.id,
        citySlug: r.citySlug ?? "",
        cityName: r.cityName ?? text.results.noCity,
        voivodeship: r.voivodeship ?? "",
        sizeClass: r.sizeClass ?? "",
        answers: JSON.parse(r.answers) as Answers,
      }));
      return { ...computeResults(s.questions, rows), rows };
    },

    /** Voivodeships to filter by. */
    voivodeships: () => listVoivodeships(db),

    /** Networks to filter by (slug and name). */
    networks: async () => (await listNetworks(db)).map((n) => ({ slug: n.slug, name: n.name })),

    /** A city's own answers to every survey, for its profile (shown to the city's representatives and staff). */
    async cityAnswers(actor: Actor, cityId: number) {
      if (!cityAnswersAccess(actor, cityId)) return [];
      // Only what the profile shows, in words: never the raw answer JSON or who wrote it.
      return (await listCityResponses(db, cityId)).map((r) => ({
        slug: r.slug,
        title: r.title,
        status: r.status,
        submittedAt: r.submittedAt,
        answers: readableAnswers(JSON.parse(r.questions) as SurveyQuestion[], JSON.parse(r.answers) as Answers),
      }));
    },

    /** Topics staff merged from open answers (staff only: they name the cities behind each). */
    async topics(actor: Actor, s: SurveyView): Promise<(SurveyTopic & { optionId: string })[]> {
      assertCan(actor, "survey:manage");
      return (await listSurveyTopics(db, s.id)).map((t) => ({ ...t, optionId: topicOptionId(t.id) }));
    },

    /**
     * Merges several open answers of a text question into one topic that keeps the cities of all of them, so it can
     * be proposed like an option. Bad input throws an InputError; nothing is stored then.
     */
    async mergeTopic(actor: Actor, s: SurveyView, input: MergeTopicInput): Promise<number> {
      assertCan(actor, "survey:manage");
      const id = await mergeOpenAnswers(db, s, await this.results(actor, s), input, actor!.id);
      await recordAudit(db, { actorId: actor!.id, action: "survey.merge", subjectType: "survey", subjectId: s.id, details: { topic: id, question: input.question } });
      return id;
    },

    /** Removes a merged topic (a proposal already made from it stays in the agenda). */
    async deleteTopic(actor: Actor, s: SurveyView, topicId: number): Promise<boolean> {
      assertCan(actor, "survey:manage");
      return deleteSurveyTopic(db, s.id, topicId);
    },

    /** Upcoming events staff can propose topics to. */
    upcomingEvents: () => deps.events.list({ when: "upcoming", limit: 100 }),

    /**
     * Writes one agenda proposal per chosen topic option into the event's agenda document, as a server change every
     * open workspace receives; an option proposed before (same `source`) is not added again.
     */
    async propose(actor: Actor, s: SurveyView, eventSlug: string, optionIds: string[]): Promise<ProposeOutcome | null> {
      assertCan(actor, "survey:manage");
      const event = await deps.events.bySlug(eventSlug);
      if (!event) return null;
      const results = await this.results(actor, s);
      const merged = (await listSurveyTopics(db, s.id)).map(proposable);
      const outcome = await proposeTopics(deps.hub, event.id, s, results, optionIds, merged);
      await recordAudit(db, { actorId: actor!.id, action: "survey.propose", subjectType: "event", subjectId: event.id, details: { survey: s.slug, ...outcome } });
      return outcome;
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
