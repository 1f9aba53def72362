import type { Answer, Answers } from "./survey-answers.js";
import type { QuestionType, SurveyQuestion } from "./survey-definition.js";

/**
 * A submitted response as results need it: the respondent (`id`: the response, so one per city in a city survey and
 * one per person in a person survey), their city (slug "" for a person without one) and what they answered.
 */
export type ResponseForResults = { id: number; citySlug: string; cityName: string; answers: Answers };

export type QuestionResult = {
  id: string;
  type: QuestionType;
  /** Choices: option → respondents; scale: value → respondents; ranking: option → respondents who ranked it;
   *  matrix: row → option → respondents. */
  counts: Record<string, number> | Record<string, Record<string, number>>;
  backers: Record<string, string[]> | Record<string, Record<string, string[]>>;
  /** Scale: the mean value. */
  mean?: number;
  /** Ranking: the mean place of each option among those who ranked it (1 = first). */
  meanRank?: Record<string, number>;
  /** Text: each answer with its city. */
  answers?: { city: string; cityName: string; text: string }[];
  /** How many respondents answered the question at all. */
  answered: number;
};

export type SurveyResults = { responses: number; questions: QuestionResult[] };

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Counts submitted answers per question. Every respondent counts once per option (a city choosing an option in a
 * multi question adds one, whatever else it chose), and the backers are exactly the cities of the respondents
 * counted, so a chart, its table and the JSON API can never disagree (the miscount Decidim has, decidim#16421). In a
 * person survey two people of one city count twice and their city backs the option once.
 */
export function computeResults(questions: SurveyQuestion[], responses: ResponseForResults[]): SurveyResults {
  const sorted = [...responses].sort((a, b) => a.citySlug.localeCompare(b.citySlug) || a.id - b.id);
  return { responses: sorted.length, questions: questions.map((q) => questionResult(q, sorted)) };
}

function tally(keys: string[]): { counts: Record<string, number>; backers: Record<string, string[]> } {
  return { counts: Object.fromEntries(keys.map((k) => [k, 0])), backers: Object.fromEntries(keys.map((k) => [k, [] as string[]])) };
}

function questionResult(q: SurveyQuestion, responses: ResponseForResults[]): QuestionResult {
  const optionIds = (q.options ?? []).map((o) => o.id);
  const given = responses.map((r) => ({ r, a: r.answers[q.id] as Answer | undefined })).filter((x) => x.a !== undefined);
  // Respondents already counted per tally and key: a value repeated in one answer counts once.
  const seen = new Map<ReturnType<typeof tally>, Map<string, Set<number>>>();
  const add = (t: ReturnType<typeof tally>, key: string, r: ResponseForResults): boolean => {
    if (!(key in t.counts)) return false;
    const byKey = seen.get(t) ?? seen.set(t, new Map()).get(t)!;
    const who = byKey.get(key) ?? byKey.set(key, new Set()).get(key)!;
    if (who.has(r.id)) return false;
    who.add(r.id);
    t.counts[key]++;
    if (r.citySlug && !t.backers[key].includes(r.citySlug)) t.backers[key].push(r.citySlug);
    return true;
  };
  switch (q.type) {
    case "single":
    case "multi": {
      const t = tally(optionIds);
      for (const { r, a } of given) for (const v of Array.isArray(a) ? a : [a]) if (typeof v === "string") add(t, v, r);
      return { id: q.id, type: q.type, ...t, answered: given.length };
    }
    case "scale": {
      const { min, max } = q.scale!;
      const t = tally(Array.from({ length: max - min + 1 }, (_, i) => String(min + i)));
      const values: number[] = [];
      for (const { r, a } of given) {
        if (typeof a !== "string" || !add(t, a, r)) continue;
        values.push(Number(a));
      }
      const mean = values.length ? round2(values.reduce((x, y) => x + y, 0) / values.length) : undefined;
      return { id: q.id, type: q.type, ...t, ...(mean === undefined ? {} : { mean }), answered: values.length };
    }
    case "ranking": {
      const t = tally(optionIds);
      const places: Record<string, number[]> = Object.fromEntries(optionIds.map((o) => [o, [] as number[]]));
      for (const { r, a } of given) {
        if (!Array.isArray(a)) continue;
        a.forEach((v, i) => {
          if (add(t, v, r)) places[v].push(i + 1);
        });
      }
      const meanRank = Object.fromEntries(Object.entries(places).filter(([, p]) => p.length).map(([o, p]) => [o, round2(p.reduce((x, y) => x + y, 0) / p.length)]));
      return { id: q.id, type: q.type, ...t, meanRank, answered: given.length };
    }
    case "matrix": {
      const counts: Record<string, Record<string, number>> = {};
      const backers: Record<string, Record<string, string[]>> = {};
      for (const row of q.rows ?? []) {
        const t = tally(optionIds);
        for (const { r, a } of given) {
          if (a && typeof a === "object" && !Array.isArray(a) && typeof a[row.id] === "string") add(t, a[row.id], r);
        }
        counts[row.id] = t.counts;
        backers[row.id] = t.backers;
      }
      return { id: q.id, type: q.type, counts, backers, answered: given.length };
    }
    case "text": {
      const answers = given.filter((x) => typeof x.a === "string").map(({ r, a }) => ({ city: r.citySlug, cityName: r.cityName, text: a as string }));
      return { id: q.id, type: q.type, counts: {}, backers: {}, answers, answered: answers.length };
    }
  }
}
