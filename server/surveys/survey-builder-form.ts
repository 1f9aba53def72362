import { surveyBuilder as text } from "../../domain/i18n/pl/survey-builder.js";
import { localToUtcIso, utcIsoToLocal } from "../events/time-zone.js";
import { QUESTION_TYPES, type QuestionType, type SurveyDefinition } from "./survey-definition.js";

/**
 * The builder's form as it was filled in: every value a string or flag, so a refused form is drawn again exactly as
 * sent. Field names are the definition's paths (`questions[2].options[0].label`), the same paths the zod issues
 * carry, so each error lands next to its field. Dates are Warsaw wall-clock time (datetime-local inputs).
 */
export type DraftOption = { id: string; label: string; area: string };
export type DraftQuestion = {
  id: string;
  type: string;
  text: string;
  required: boolean;
  topics: boolean;
  options: DraftOption[];
  rows: { id: string; label: string }[];
  scale: { min: string; max: string; minLabel: string; maxLabel: string };
};
export type SurveyDraft = { slug: string; title: string; intro: string; respondent: string; opensAt: string; closesAt: string; questions: DraftQuestion[] };

const usesOptions = (type: string) => type === "single" || type === "multi" || type === "ranking" || type === "matrix";

/** The draft of a stored (valid) survey. */
export function draftOf(s: SurveyDefinition): SurveyDraft {
  return {
    slug: s.slug,
    title: s.title,
    intro: s.intro,
    respondent: s.respondent,
    opensAt: utcIsoToLocal(s.opensAt),
    closesAt: utcIsoToLocal(s.closesAt),
    questions: s.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      required: q.required === true,
      topics: q.topics === true,
      options: (q.options ?? []).map((o) => ({ id: o.id, label: o.label, area: o.area ?? "" })),
      rows: (q.rows ?? []).map((r) => ({ id: r.id, label: r.label })),
      scale: { min: String(q.scale?.min ?? 1), max: String(q.scale?.max ?? 5), minLabel: q.scale?.minLabel ?? "", maxLabel: q.scale?.maxLabel ?? "" },
    })),
  };
}

/** A new survey's starting point: open from now for 30 days, one single-choice question. */
export function emptyDraft(now = new Date()): SurveyDraft {
  const opens = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return {
    slug: "",
    title: "",
    intro: "",
    respondent: "city",
    opensAt: utcIsoToLocal(opens.toISOString()),
    closesAt: utcIsoToLocal(new Date(opens.getTime() + 30 * 86_400_000).toISOString()),
    questions: [newQuestion("single", [])],
  };
}

/** A question of a type with placeholder content that already passes validation, under an id not yet used. */
export function newQuestion(type: QuestionType, taken: string[]): DraftQuestion {
  let n = taken.length + 1;
  while (taken.includes(`pytanie-${n}`)) n++;
  const options = usesOptions(type) ? [1, 2].map((i) => ({ id: `odp-${i}`, label: text.newOptionLabel(i), area: "" })) : [];
  return {
    id: `pytanie-${n}`,
    type,
    text: text.newQuestionText,
    required: false,
    topics: false,
    options,
    rows: type === "matrix" ? [1, 2].map((i) => ({ id: `wiersz-${i}`, label: text.newRowLabel(i) })) : [],
    scale: { min: "1", max: "5", minLabel: "", maxLabel: "" },
  };
}

/** Reads the posted fields into a draft; wholly blank option and row lines (the spare line) are dropped. */
export function draftFromForm(entries: Iterable<[string, string]>): SurveyDraft {
  const root: Record<string, unknown> = {};
  for (const [name, value] of entries) setPath(root, name, value);
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === "object") : []);
  return {
    slug: str(root.slug).trim(),
    title: str(root.title),
    intro: str(root.intro),
    respondent: str(root.respondent),
    opensAt: str(root.opensAt),
    closesAt: str(root.closesAt),
    questions: list(root.questions).map((q) => {
      const scale = (q.scale && typeof q.scale === "object" ? q.scale : {}) as Record<string, unknown>;
      return {
        id: str(q.id).trim(),
        type: str(q.type),
        text: str(q.text),
        required: q.required === "1",
        topics: q.topics === "1",
        options: list(q.options)
          .map((o) => ({ id: str(o.id).trim(), label: str(o.label), area: str(o.area) }))
          .filter((o) => o.id || o.label.trim()),
        rows: list(q.rows)
          .map((r) => ({ id: str(r.id).trim(), label: str(r.label) }))
          .filter((r) => r.id || r.label.trim()),
        scale: { min: str(scale.min), max: str(scale.max), minLabel: str(scale.minLabel), maxLabel: str(scale.maxLabel) },
      };
    }),
  };
}

// `questions[2].options[0].label` → root.questions[2].options[0].label; only names of this shape, at most 200 items deep.
function setPath(root: Record<string, unknown>, name: string, value: string) {
  const keys = [...name.matchAll(/([A-Za-z]+)|\[(\d{1,3})\]/g)].map((m) => (m[1] !== undefined ? m[1] : Number(m[2])));
  if (!keys.length || keys.some((k) => typeof k === "number" && k > 200)) return;
  let node: Record<string | number, unknown> = root;
  keys.forEach((k, i) => {
    if (i === keys.length - 1) {
      node[k] = value;
      return;
    }
    if (!node[k] || typeof node[k] !== "object") node[k] = typeof keys[i + 1] === "number" ? [] : {};
    node = node[k] as Record<string | number, unknown>;
  });
}

/** A builder button: save, add a question of a type, move or remove a question, remove an option or a row. */
export type BuilderIntent =
  | { kind: "save" }
  | { kind: "add"; type: QuestionType }
  | { kind: "up" | "down" | "remove"; index: number }
  | { kind: "remove-option" | "remove-row"; index: number; item: number };

/** Reads the `intent` button value ("add:scale", "up:2", "remove-option:1:3"); anything else saves. */
export function parseIntent(value: string): BuilderIntent {
  const [kind, a, b] = value.split(":");
  if (kind === "add" && (QUESTION_TYPES as readonly string[]).includes(a)) return { kind, type: a as QuestionType };
  const index = Number(a);
  if ((kind === "up" || kind === "down" || kind === "remove") && Number.isInteger(index)) return { kind, index };
  if ((kind === "remove-option" || kind === "remove-row") && Number.isInteger(index) && Number.isInteger(Number(b))) return { kind, index, item: Number(b) };
  return { kind: "save" };
}

/** Applies a button to the draft; returns the index of the question the page should land on afterwards. */
export function applyIntent(draft: SurveyDraft, intent: BuilderIntent): { draft: SurveyDraft; focus: number | null } {
  const qs = [...draft.questions];
  switch (intent.kind) {
    case "save":
      return { draft, focus: null };
    case "add":
      qs.push(newQuestion(intent.type, qs.map((q) => q.id)));
      return { draft: { ...draft, questions: qs }, focus: qs.length - 1 };
    case "up":
    case "down": {
      const to = intent.kind === "up" ? intent.index - 1 : intent.index + 1;
      if (intent.index < 0 || intent.index >= qs.length || to < 0 || to >= qs.length) return { draft, focus: null };
      [qs[intent.index], qs[to]] = [qs[to], qs[intent.index]];
      return { draft: { ...draft, questions: qs }, focus: to };
    }
    case "remove":
      if (intent.index < 0 || intent.index >= qs.length) return { draft, focus: null };
      qs.splice(intent.index, 1);
      return { draft: { ...draft, questions: qs }, focus: qs.length ? Math.min(intent.index, qs.length - 1) : null };
    case "remove-option":
    case "remove-row": {
      const q = qs[intent.index];
      if (!q) return { draft, focus: null };
      const key = intent.kind === "remove-option" ? "options" : "rows";
      qs[intent.index] = { ...q, [key]: q[key].filter((_, i) => i !== intent.item) };
      return { draft: { ...draft, questions: qs }, focus: intent.index };
    }
  }
}

// Polish letters folded to ASCII so an id can be made from a label ("Żłobki i przedszkola" → "zlobki-i-przedszkola").
const FOLD: Record<string, string> = { ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z" };
export function idFromLabel(label: string): string {
  const folded = label
    .toLowerCase()
    .replace(/[ąćęłńóśźż]/g, (c) => FOLD[c])
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return folded || "odp";
}

/**
 * The draft as a survey definition for the one zod schema import uses: types per question (options only where the
 * type has them), numbers and dates converted, a missing option or row id made from its label.
 */
export function definitionOf(draft: SurveyDraft): unknown {
  const instant = (local: string) => (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? localToUtcIso(local) : local);
  const int = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));
  const fillIds = <T extends { id: string; label: string }>(items: T[]) => {
    const used = new Set(items.map((x) => x.id).filter(Boolean));
    return items.map((x) => {
      if (x.id) return x;
      let id = idFromLabel(x.label);
      for (let n = 2; used.has(id); n++) id = `${idFromLabel(x.label)}-${n}`;
      used.add(id);
      return { ...x, id };
    });
  };
  return {
    slug: draft.slug,
    title: draft.title,
    intro: draft.intro,
    respondent: draft.respondent,
    opensAt: instant(draft.opensAt),
    closesAt: instant(draft.closesAt),
    questions: draft.questions.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text,
      ...(q.required ? { required: true } : {}),
      ...(usesOptions(q.type) ? { options: fillIds(q.options).map((o) => ({ id: o.id, label: o.label, ...(o.area ? { area: o.area } : {}) })) } : {}),
      ...(q.type === "matrix" ? { rows: fillIds(q.rows).map((r) => ({ id: r.id, label: r.label })) } : {}),
      ...(q.type === "scale"
        ? { scale: { min: int(q.scale.min), max: int(q.scale.max), ...(q.scale.minLabel.trim() ? { minLabel: q.scale.minLabel.trim() } : {}), ...(q.scale.maxLabel.trim() ? { maxLabel: q.scale.maxLabel.trim() } : {}) } }
        : {}),
      // Topics are options proposed one by one into an agenda: choice questions only (a matrix counts per row).
      ...(q.topics && usesOptions(q.type) && q.type !== "matrix" ? { topics: true } : {}),
    })),
  };
}
