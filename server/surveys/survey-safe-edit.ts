import { surveyBuilder as text } from "../../domain/i18n/pl/survey-builder.js";
import type { Answers } from "./survey-answers.js";
import type { DefinitionIssue, SurveyQuestion } from "./survey-definition.js";

/**
 * Changes to a survey's questions that would orphan answers already given (drafts included): an answered question
 * removed, renamed (its id) or turned into another type, an option or matrix row that someone chose removed or
 * renamed, a scale narrowed below a value given. Labels, texts, order, new questions and options stay free, so the
 * builder, the upload and the CLI may change a running survey without corrupting what cities answered.
 */
export function unsafeEdits(before: SurveyQuestion[], after: SurveyQuestion[], responses: Answers[]): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const next = new Map(after.map((q, i) => [q.id, { q, i }]));
  for (const old of before) {
    const given = responses.map((r) => r[old.id]).filter((a) => a !== undefined);
    if (!given.length) continue;
    const found = next.get(old.id);
    if (!found) {
      issues.push({ path: "questions", message: text.answeredQuestionGone(old.id) });
      continue;
    }
    const { q, i } = found;
    if (q.type !== old.type) {
      issues.push({ path: `questions[${i}].type`, message: text.answeredTypeChanged(old.id) });
      continue;
    }
    const chosen = new Set<string>();
    const rows = new Set<string>();
    for (const a of given) {
      if (typeof a === "string") chosen.add(a);
      else if (Array.isArray(a)) a.forEach((v) => chosen.add(v));
      else
        for (const [row, v] of Object.entries(a)) {
          rows.add(row);
          chosen.add(v);
        }
    }
    if (q.type === "scale") {
      const values = [...chosen].map(Number);
      if (q.scale && values.some((v) => v < q.scale!.min || v > q.scale!.max)) issues.push({ path: `questions[${i}].scale`, message: text.answeredScaleNarrowed(old.id) });
      continue;
    }
    if (q.type === "text") continue;
    const optionIds = new Set((q.options ?? []).map((o) => o.id));
    for (const o of chosen) if (!optionIds.has(o)) issues.push({ path: `questions[${i}].options`, message: text.answeredOptionGone(old.id, o) });
    const rowIds = new Set((q.rows ?? []).map((r) => r.id));
    for (const r of rows) if (!rowIds.has(r)) issues.push({ path: `questions[${i}].rows`, message: text.answeredRowGone(old.id, r) });
  }
  return issues;
}
