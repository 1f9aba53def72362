import { z } from "zod";
import { areaSlugs } from "../../domain/thematic-areas.js";
import { surveys as text } from "../../domain/i18n/pl/surveys.js";
import { surveyBuilder } from "../../domain/i18n/pl/survey-builder.js";

/** Slugs taken by the pages under /ankiety (a survey with one of them could never be opened). */
export const RESERVED_SURVEY_SLUGS = ["nowa", "wczytaj"];

// Ids become form field names (`<questionId>` and `<questionId>.<rowId>`), so no dots and nothing a URL would mangle.
const id = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, "Identyfikator: małe litery, cyfry, - lub _ (do 64 znaków).");
const label = z.string().trim().min(1).max(300);

const optionSchema = z.object({ id, label, area: z.string().optional() });
const rowSchema = z.object({ id, label });
const scaleSchema = z.object({ min: z.number().int(), max: z.number().int(), minLabel: z.string().max(100).optional(), maxLabel: z.string().max(100).optional() });

export const QUESTION_TYPES = ["single", "multi", "scale", "ranking", "matrix", "text"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

const questionSchema = z.object({
  id,
  type: z.enum(QUESTION_TYPES),
  text: z.string().trim().min(1).max(1000),
  required: z.boolean().optional(),
  options: z.array(optionSchema).max(100).optional(),
  rows: z.array(rowSchema).max(100).optional(),
  scale: scaleSchema.optional(),
  topics: z.boolean().optional(),
});

const instant = z.iso.datetime({ offset: true });

/** The survey file of `npm run survey:import` and `/ankiety/<slug>.json`, with every cross-field rule checked. */
export const surveyDefinitionSchema = z
  .object({
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Slug: małe litery i cyfry rozdzielone myślnikami.")
      .max(100)
      .refine((v) => !RESERVED_SURVEY_SLUGS.includes(v), surveyBuilder.slugReserved),
    title: z.string().trim().min(3).max(300),
    intro: z.string().max(5000).default(""),
    respondent: z.enum(["city", "person"]),
    opensAt: instant,
    closesAt: instant,
    questions: z.array(questionSchema).min(1).max(200),
  })
  .superRefine((s, ctx) => {
    const problem = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (Date.parse(s.closesAt) <= Date.parse(s.opensAt)) problem(["closesAt"], text.import.closesBeforeOpens);
    const seen = new Set<string>();
    s.questions.forEach((q, i) => {
      if (seen.has(q.id)) problem(["questions", i, "id"], text.import.duplicateQuestion(q.id));
      seen.add(q.id);
      const needsOptions = q.type === "single" || q.type === "multi" || q.type === "ranking" || q.type === "matrix";
      if (needsOptions && !q.options?.length) problem(["questions", i, "options"], text.import.needsOptions(q.id));
      if (q.type === "matrix" && !q.rows?.length) problem(["questions", i, "rows"], text.import.needsRows(q.id));
      if (q.type === "scale") {
        if (!q.scale) problem(["questions", i, "scale"], text.import.needsScale(q.id));
        else if (q.scale.min >= q.scale.max || q.scale.max - q.scale.min > 20) problem(["questions", i, "scale"], text.import.badScale(q.id));
      }
      const optionIds = new Set<string>();
      q.options?.forEach((o, j) => {
        if (optionIds.has(o.id)) problem(["questions", i, "options", j, "id"], text.import.duplicateOption(q.id, o.id));
        optionIds.add(o.id);
        if (o.area !== undefined && !(areaSlugs as readonly string[]).includes(o.area)) problem(["questions", i, "options", j, "area"], text.import.unknownArea(q.id, o.area));
      });
      const rowIds = new Set<string>();
      q.rows?.forEach((r, j) => {
        if (rowIds.has(r.id)) problem(["questions", i, "rows", j, "id"], text.import.duplicateRow(q.id, r.id));
        rowIds.add(r.id);
      });
    });
  });

export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyQuestion = SurveyDefinition["questions"][number];

/** One problem of a survey file: where it is ("questions[2].options", the builder's field name too) and what. */
export type DefinitionIssue = { path: string; message: string };

/** Parses a survey file's text; on failure, one line per problem naming where it is ("questions[2].options: ..."). */
export function parseSurveyDefinition(input: string | unknown): { ok: true; survey: SurveyDefinition } | { ok: false; problems: string[]; issues: DefinitionIssue[] } {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input);
    } catch {
      return refused([{ path: "(plik)", message: text.import.notJson }]);
    }
  }
  const parsed = surveyDefinitionSchema.safeParse(data);
  if (parsed.success) return { ok: true, survey: parsed.data };
  return refused(parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })));
}

/** A refusal carrying both the structured issues and the report lines the CLI and the upload print. */
export function refused(issues: DefinitionIssue[]): { ok: false; problems: string[]; issues: DefinitionIssue[] } {
  return { ok: false, problems: issues.map((i) => `${i.path}: ${i.message}`), issues };
}

/** `["questions", 2, "options"]` → `questions[2].options`. */
export function formatPath(path: PropertyKey[]): string {
  if (!path.length) return "(plik)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}
