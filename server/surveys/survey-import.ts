import type { DbHandle } from "../../db/index.js";
import { recordAudit } from "../../db/repositories/audit.js";
import { upsertSurvey } from "../../db/repositories/surveys.js";
import { parseSurveyDefinition } from "./survey-definition.js";

/**
 * Imports a survey file (text or parsed JSON): a new slug creates the survey, a known one replaces its definition.
 * An invalid file stores nothing and comes back as one line per problem.
 */
export async function importSurvey(handle: DbHandle, actorId: number | null, input: string | unknown): Promise<{ ok: true; slug: string } | { ok: false; problems: string[] }> {
  const parsed = parseSurveyDefinition(input);
  if (!parsed.ok) return parsed;
  const s = parsed.survey;
  const id = await upsertSurvey(handle.db, { slug: s.slug, title: s.title, intro: s.intro, respondent: s.respondent, opensAt: s.opensAt, closesAt: s.closesAt, questions: JSON.stringify(s.questions), createdBy: actorId });
  await recordAudit(handle.db, { actorId, action: "survey.import", subjectType: "survey", subjectId: id, details: { slug: s.slug } });
  return { ok: true, slug: s.slug };
}
