import type { DbHandle } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { findSurveyBySlug, listResponseAnswers, upsertSurvey } from "../../db/repositories/surveys.js";
import { surveyBuilder } from "../../domain/i18n/pl/survey-builder.js";
import type { Answers } from "./survey-answers.js";
import { parseSurveyDefinition, refused, type DefinitionIssue, type SurveyQuestion } from "./survey-definition.js";
import { unsafeEdits } from "./survey-safe-edit.js";

export type StoreOutcome = { ok: true; slug: string } | { ok: false; problems: string[]; issues: DefinitionIssue[] };

/**
 * Stores a survey definition (file text or parsed JSON) the one way the CLI, the upload and the builder share: a new
 * slug creates the survey, a known one replaces its definition unless that would orphan answers already given
 * (survey-safe-edit.ts). `mustBeNew` (the builder's "Nowa ankieta") refuses a known slug. An invalid definition
 * stores nothing and comes back as one issue per problem.
 */
export async function storeSurvey(handle: DbHandle, actorId: number | null, input: string | unknown, opts: { action: "survey.import" | "survey.create" | "survey.edit"; mustBeNew?: boolean }): Promise<StoreOutcome> {
  const parsed = parseSurveyDefinition(input);
  if (!parsed.ok) return parsed;
  const s = parsed.survey;
  return handle.db.transaction().execute(async (trx) => {
    const existing = await findSurveyBySlug(trx, s.slug);
    if (existing && opts.mustBeNew) return refused([{ path: "slug", message: surveyBuilder.slugTaken(s.slug) }]);
    if (existing) {
      const answers = (await listResponseAnswers(trx, existing.id)).map((a) => JSON.parse(a) as Answers);
      const unsafe = unsafeEdits(JSON.parse(existing.questions) as SurveyQuestion[], s.questions, answers);
      if (answers.length && existing.respondent !== s.respondent) unsafe.unshift({ path: "respondent", message: surveyBuilder.answeredRespondentChanged });
      if (unsafe.length) return refused(unsafe);
    }
    const id = await upsertSurvey(trx, { slug: s.slug, title: s.title, intro: s.intro, respondent: s.respondent, opensAt: s.opensAt, closesAt: s.closesAt, questions: JSON.stringify(s.questions), createdBy: actorId });
    await recordAudit(trx, { actorId, action: opts.action, subjectType: "survey", subjectId: id, details: { slug: s.slug } });
    return { ok: true as const, slug: s.slug };
  });
}

/** Imports a survey file (CLI and upload): a new slug creates the survey, a known one updates it safely. */
export function importSurvey(handle: DbHandle, actorId: number | null, input: string | unknown): Promise<StoreOutcome> {
  return storeSurvey(handle, actorId, input, { action: "survey.import" });
}
