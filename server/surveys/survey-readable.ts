import type { Answer, Answers } from "./survey-answers.js";
import type { SurveyQuestion } from "./survey-definition.js";

/** One answered question in words: the question, and the answer as labels (a matrix as one line per row). */
export type ReadableAnswer = { id: string; question: string } & ({ kind: "text"; answer: string } | { kind: "matrix"; rows: { row: string; answer: string }[] });

const label = (q: SurveyQuestion, id: string) => q.options?.find((o) => o.id === id)?.label ?? id;

/**
 * Turns stored answers (option ids, `row → option` for matrices) into what a person reads, in the survey's question
 * order; questions left unanswered are skipped. Used by a city's profile, where its own answers are shown back to it.
 */
export function readableAnswers(questions: SurveyQuestion[], answers: Answers): ReadableAnswer[] {
  const out: ReadableAnswer[] = [];
  for (const q of questions) {
    const a: Answer | undefined = answers[q.id];
    if (a === undefined) continue;
    if (q.type === "matrix") {
      if (typeof a !== "object" || Array.isArray(a)) continue;
      const rows = (q.rows ?? []).filter((r) => typeof a[r.id] === "string").map((r) => ({ row: r.label, answer: label(q, a[r.id]) }));
      if (rows.length) out.push({ id: q.id, question: q.text, kind: "matrix", rows });
      continue;
    }
    let text: string;
    if (q.type === "ranking" && Array.isArray(a)) text = a.map((v, i) => `${i + 1}. ${label(q, v)}`).join(", ");
    else if (Array.isArray(a)) text = a.map((v) => label(q, v)).join(", ");
    else if (typeof a !== "string") continue;
    else if (q.type === "scale") {
      const { min, max, minLabel, maxLabel } = q.scale ?? { min: 0, max: 0 };
      text = `${a} (${min}${minLabel ? ` – ${minLabel}` : ""} … ${max}${maxLabel ? ` – ${maxLabel}` : ""})`;
    } else text = q.type === "text" ? a : label(q, a);
    out.push({ id: q.id, question: q.text, kind: "text", answer: text });
  }
  return out;
}
