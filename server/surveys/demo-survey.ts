import type { DbHandle } from "../../db/index.js";
import { findSurveyBySlug, upsertSurvey, writeResponse } from "../../db/repositories/surveys.js";
import type { Answers } from "./survey-answers.js";
import { demoSurveyDefinition } from "./demo-survey-definition.js";
import { listCityIdsBySlugs } from "../../db/repositories/cities.js";

// Cities that answered in the demo; Dzierżoniów and Kalisz are left out so their demo accounts can answer themselves.
const RESPONDENTS = [
  "poznan", "gdansk", "lodz", "lublin", "rzeszow", "olsztyn", "bielsko-biala", "plock", "walbrzych", "ostrow-wielkopolski",
  "gniezno", "leszno", "jarocin", "jaworzno", "cieszyn", "jelenia-gora", "kolobrzeg", "zamosc", "swidnica", "nowy-sacz",
];

const OPEN_ANSWERS = [
  "Mieszkalnictwo na wynajem dla młodych rodzin.",
  "Współpraca międzygminna w obszarze funkcjonalnym.",
  "Partycypacja mieszkańców i budżet obywatelski.",
  "Transport publiczny w mniejszych miastach.",
];

// A small deterministic generator: the demo looks the same on every start and on both databases.
function generator(seed: string) {
  let h = 2166136261;
  for (const ch of seed) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) ^ Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h >>>= 0) % 1000) / 1000;
  };
}

function answersFor(slug: string, i: number): Answers {
  const rnd = generator(slug);
  const def = demoSurveyDefinition();
  const q = Object.fromEntries(def.questions.map((x) => [x.id, x]));
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const topics = q.tematy.options!.filter((o, j) => rnd() < (j % 3 === 0 ? 0.6 : 0.3)).map((o) => o.id);
  const ranking = [...q.priorytety.options!].sort(() => rnd() - 0.5).slice(0, 3).map((o) => o.id);
  const answers: Answers = {
    udzial: pick(["tak", "tak", "tak", "raczej-tak", "raczej-tak", "nie-wiem", "raczej-nie"]),
    tematy: topics.length ? topics : ["fundusze"],
    priorytety: ranking,
    zasoby: Object.fromEntries(q.zasoby.rows!.map((r) => [r.id, pick(["atut", "atut", "neutralny", "bariera"])])),
    gotowosc: String(1 + Math.floor(rnd() * 5)),
    format: pick(["stacjonarnie", "online", "hybrydowo", "hybrydowo"]),
  };
  if (i % 5 === 0) answers.uwagi = OPEN_ANSWERS[(i / 5) % OPEN_ANSWERS.length];
  return answers;
}

/** Idempotent: the 2020 seminar survey and the answers of about twenty demo cities. */
export async function seedDemoSurvey(handle: DbHandle): Promise<void> {
  const db = handle.db;
  const def = demoSurveyDefinition();
  if (await findSurveyBySlug(db, def.slug)) return;
  const surveyId = await upsertSurvey(db, { slug: def.slug, title: def.title, intro: def.intro, respondent: def.respondent, opensAt: def.opensAt, closesAt: def.closesAt, questions: JSON.stringify(def.questions), createdBy: null });
  const cities = await listCityIdsBySlugs(db, RESPONDENTS);
  const ids = new Map(cities.map((c) => [c.slug, c.id]));
  let i = 0;
  for (const slug of RESPONDENTS) {
    const cityId = ids.get(slug);
    if (cityId === undefined) continue;
    await writeResponse(db, surveyId, { cityId, personId: null }, 0, { answers: JSON.stringify(answersFor(slug, i++)), status: "submitted", userId: null, submit: true });
  }
}
