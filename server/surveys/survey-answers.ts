import { surveys as text } from "../../domain/i18n/pl/surveys.js";
import type { SurveyQuestion } from "./survey-definition.js";

/** One answer: an option or scale value or text; options in order (multi, ranking); row → option (matrix). */
export type Answer = string | string[] | Record<string, string>;
export type Answers = Record<string, Answer>;

const MAX_TEXT = 5000;

/**
 * Reads a survey form (field names as issue 13 fixes them: `<questionId>`, repeated for multi and ranking in order of
 * preference, `<questionId>.<rowId>` for matrices) into answers. Values that are not the question's options are
 * errors, never stored; with `complete` (submit) required questions must be answered too.
 */
export function readAnswers(questions: SurveyQuestion[], entries: Iterable<[string, string]>, opts: { complete: boolean }): { answers: Answers; errors: Record<string, string> } {
  const fields = new Map<string, string[]>();
  for (const [k, v] of entries) fields.set(k, [...(fields.get(k) ?? []), v]);
  const answers: Answers = {};
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const optionIds = new Set((q.options ?? []).map((o) => o.id));
    const values = (fields.get(q.id) ?? []).map((v) => v.trim()).filter((v) => v !== "");
    switch (q.type) {
      case "single":
        if (values.length > 1) errors[q.id] = text.errors.oneOnly;
        else if (values.length && !optionIds.has(values[0])) errors[q.id] = text.errors.unknownOption;
        else if (values.length) answers[q.id] = values[0];
        break;
      case "multi":
      case "ranking": {
        if (values.some((v) => !optionIds.has(v))) errors[q.id] = text.errors.unknownOption;
        else if (new Set(values).size !== values.length) errors[q.id] = q.type === "ranking" ? text.errors.rankingDuplicate : text.errors.unknownOption;
        else if (values.length) answers[q.id] = values;
        break;
      }
      case "scale": {
        const n = Number(values[0]);
        if (values.length > 1) errors[q.id] = text.errors.oneOnly;
        else if (values.length && (!Number.isInteger(n) || n < q.scale!.min || n > q.scale!.max)) errors[q.id] = text.errors.unknownOption;
        else if (values.length) answers[q.id] = String(n);
        break;
      }
      case "text":
        if ((values[0] ?? "").length > MAX_TEXT) errors[q.id] = text.errors.textTooLong;
        else if (values.length) answers[q.id] = values.join("\n");
        break;
      case "matrix": {
        const cells: Record<string, string> = {};
        for (const r of q.rows ?? []) {
          const v = (fields.get(`${q.id}.${r.id}`) ?? []).map((x) => x.trim()).filter(Boolean);
          if (v.length > 1 || (v.length && !optionIds.has(v[0]))) errors[q.id] = text.errors.unknownOption;
          else if (v.length) cells[r.id] = v[0];
        }
        if (!errors[q.id] && Object.keys(cells).length) answers[q.id] = cells;
        if (!errors[q.id] && opts.complete && q.required && Object.keys(cells).length < (q.rows?.length ?? 0)) errors[q.id] = text.errors.required;
        continue;
      }
    }
    if (!errors[q.id] && opts.complete && q.required && answers[q.id] === undefined) errors[q.id] = text.errors.required;
  }
  return { answers, errors };
}
