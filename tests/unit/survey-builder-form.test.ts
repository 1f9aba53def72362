// The survey builder's form handling and the safe-edit rule, without a server: what a button does to the draft, how
// posted fields become a draft, and which edits would orphan answers already given.
import { describe, expect, it } from "vitest";
import { t } from "../../domain/i18n/index.js";
import { applyIntent, definitionOf, draftFromForm, idFromLabel, newQuestion, parseIntent, type SurveyDraft } from "../../server/surveys/survey-builder-form.js";
import { surveyDefinitionSchema, type SurveyQuestion } from "../../server/surveys/survey-definition.js";
import { unsafeEdits } from "../../server/surveys/survey-safe-edit.js";

const b = t.surveyBuilder;
const draft = (ids: string[]): SurveyDraft => ({ slug: "a", title: "Ankieta", intro: "", respondent: "city", opensAt: "2026-03-29T01:30", closesAt: "2026-04-30T12:00", questions: ids.map((id) => ({ ...newQuestion("single", []), id })) });

describe("builder buttons", () => {
  it("reads intents and treats anything unknown as save", () => {
    expect(parseIntent("add:matrix")).toEqual({ kind: "add", type: "matrix" });
    expect(parseIntent("up:2")).toEqual({ kind: "up", index: 2 });
    expect(parseIntent("remove-row:1:0")).toEqual({ kind: "remove-row", index: 1, item: 0 });
    for (const v of ["", "add:video", "up:x", "drop:1", "remove-option:1"]) expect(parseIntent(v)).toEqual({ kind: "save" });
  });

  it("moves, removes and adds questions; moves past either end change nothing", () => {
    expect(applyIntent(draft(["a", "b", "c"]), { kind: "up", index: 2 }).draft.questions.map((q) => q.id)).toEqual(["a", "c", "b"]);
    expect(applyIntent(draft(["a", "b", "c"]), { kind: "down", index: 0 })).toMatchObject({ focus: 1 });
    expect(applyIntent(draft(["a", "b"]), { kind: "up", index: 0 }).draft.questions.map((q) => q.id)).toEqual(["a", "b"]);
    expect(applyIntent(draft(["a", "b"]), { kind: "down", index: 1 }).focus).toBeNull();
    expect(applyIntent(draft(["a", "b"]), { kind: "remove", index: 1 }).draft.questions.map((q) => q.id)).toEqual(["a"]);
    const added = applyIntent(draft(["pytanie-2"]), { kind: "add", type: "scale" });
    expect(added.draft.questions[1]).toMatchObject({ id: "pytanie-3", type: "scale" });
  });

  it("a new question of every type passes the import schema as it is", () => {
    for (const type of ["single", "multi", "scale", "ranking", "matrix", "text"] as const) {
      const d = { ...draft([]), questions: [newQuestion(type, [])] };
      expect(surveyDefinitionSchema.safeParse(definitionOf(d)).success, type).toBe(true);
    }
  });
});

describe("posted fields", () => {
  it("become a draft; blank option lines are dropped, ids made from labels, Warsaw times converted across DST", () => {
    const d = draftFromForm([
      ["slug", " ankieta "],
      ["opensAt", "2026-03-29T01:30"],
      ["closesAt", "2026-03-29T03:30"],
      ["questions[0].id", "q"],
      ["questions[0].type", "multi"],
      ["questions[0].text", "Tematy?"],
      ["questions[0].required", "1"],
      ["questions[0].options[0].id", ""],
      ["questions[0].options[0].label", "Żłobki i przedszkola"],
      ["questions[0].options[1].id", ""],
      ["questions[0].options[1].label", " "],
      ["questions[999].id", "too-deep"],
    ]);
    expect(d.slug).toBe("ankieta");
    expect(d.questions).toHaveLength(1);
    expect(d.questions[0]).toMatchObject({ id: "q", required: true, options: [{ id: "", label: "Żłobki i przedszkola", area: "" }] });
    const def = definitionOf(d) as { opensAt: string; closesAt: string; questions: SurveyQuestion[] };
    expect(def.opensAt).toBe("2026-03-29T00:30:00.000Z"); // CET
    expect(def.closesAt).toBe("2026-03-29T01:30:00.000Z"); // CEST
    expect(def.questions[0].options).toEqual([{ id: "zlobki-i-przedszkola", label: "Żłobki i przedszkola" }]);
    expect(idFromLabel("!!!")).toBe("odp");
  });
});

describe("safe edits once answered", () => {
  const before: SurveyQuestion[] = [
    { id: "a", type: "single", text: "A", options: [{ id: "x", label: "X" }, { id: "y", label: "Y" }] },
    { id: "m", type: "matrix", text: "M", rows: [{ id: "r1", label: "R1" }, { id: "r2", label: "R2" }], options: [{ id: "x", label: "X" }] },
    { id: "s", type: "scale", text: "S", scale: { min: 1, max: 5 } },
    { id: "t", type: "text", text: "T" },
  ];
  const answers = [{ a: "x", m: { r1: "x" }, s: "5" }];

  it("allows relabelling, reordering and removing what nobody chose", () => {
    const after: SurveyQuestion[] = [
      { ...before[2] },
      { ...before[0], text: "A?", options: [{ id: "x", label: "Iks" }] },
      { ...before[1], rows: [{ id: "r1", label: "R1" }] },
    ];
    expect(unsafeEdits(before, after, answers)).toEqual([]);
  });

  it("refuses removing an answered question, a chosen option or row, a type change and a narrowed scale", () => {
    const after: SurveyQuestion[] = [
      { ...before[1], rows: [{ id: "r2", label: "R2" }] },
      { ...before[2], scale: { min: 1, max: 4 } },
      { id: "t", type: "scale", text: "T", scale: { min: 1, max: 5 } },
    ];
    expect(unsafeEdits(before, after, answers).map((i) => i.message)).toEqual([b.answeredQuestionGone("a"), b.answeredRowGone("m", "r1"), b.answeredScaleNarrowed("s")]);
    expect(unsafeEdits(before, [{ ...before[0], type: "multi" }, ...before.slice(1)], answers).map((i) => i.path)).toEqual(["questions[0].type"]);
    expect(unsafeEdits(before, [{ ...before[0], options: [{ id: "y", label: "Y" }] }, ...before.slice(1)], answers).map((i) => i.message)).toEqual([b.answeredOptionGone("a", "x")]);
  });
});
