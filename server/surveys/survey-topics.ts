import { z } from "zod";
import type { Db } from "../../db/index.js";
import { listCityIdsBySlugs } from "../../db/repositories/cities.js";
import { insertSurveyTopic, type SurveyTopic } from "../../db/repositories/survey-topics.js";
import { surveys as text } from "../../domain/i18n/pl/surveys.js";
import { areaSlugs } from "../../domain/thematic-areas.js";
import { InputError } from "../validation/input-error.js";
import type { SurveyDefinition } from "./survey-definition.js";
import type { SurveyResults } from "./survey-results.js";

/**
 * A merged topic stands beside a question's options in the propose form and in a proposal's `source`
 * (`survey:<slug>:temat-<id>`). Option ids of imported surveys are free text, so the prefix alone cannot tell them
 * apart: `proposeTopics` looks an id up among the options of `topics: true` questions first.
 */
export const topicOptionId = (topicId: number) => `temat-${topicId}`;

/** The merge form: a text question, a label, an optional thematic area and the cities whose answers are merged. */
export const mergeTopicSchema = z.object({
  question: z.string().trim().min(1, text.merge.errors.question),
  label: z.string().trim().min(1, text.merge.errors.label).max(300, text.merge.errors.labelTooLong),
  area: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? "")
    .refine((v) => v === "" || (areaSlugs as readonly string[]).includes(v), text.merge.errors.area),
  answers: z.array(z.string().trim().min(1)).min(1, text.merge.errors.answers).max(1000),
});
export type MergeTopicInput = z.input<typeof mergeTopicSchema>;

/**
 * Checks a merge against the survey and the submitted answers, then stores the topic with its cities. Only cities
 * that gave an open answer to that question can back it: a slug that did not is an input error and nothing is stored.
 */
export async function mergeOpenAnswers(db: Db, s: SurveyDefinition & { id: number }, results: SurveyResults, input: MergeTopicInput, createdBy: number): Promise<number> {
  const parsed = mergeTopicSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(issue.message, String(issue.path[0] ?? "label"));
  }
  const { question, label, area, answers } = parsed.data;
  const q = s.questions.find((x) => x.id === question && x.type === "text");
  if (!q) throw new InputError(text.merge.errors.question, "question");
  const answered = new Set((results.questions.find((r) => r.id === q.id)?.answers ?? []).map((a) => a.city));
  const chosen = [...new Set(answers)];
  if (chosen.some((c) => !answered.has(c))) throw new InputError(text.merge.errors.unknownAnswer, "answers");
  const cities = await listCityIdsBySlugs(db, chosen);
  return insertSurveyTopic(db, { surveyId: s.id, questionId: q.id, label, area, cityIds: cities.map((c) => c.id), createdBy });
}

/** A merged topic as the propose step needs it: its option id, label, area and backing cities (slug → name). */
export type ProposableTopic = { optionId: string; label: string; area: string; backers: string[]; names: Record<string, string> };

export const proposable = (t: SurveyTopic): ProposableTopic => ({
  optionId: topicOptionId(t.id),
  label: t.label,
  area: t.area,
  backers: t.cities.map((c) => c.slug),
  names: Object.fromEntries(t.cities.map((c) => [c.slug, c.name])),
});
