import { Form, useLocation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { t } from "../../domain/i18n";
import { seedAreas } from "../../domain/thematic-areas.js";
import type { DraftQuestion, SurveyDraft } from "../../server/surveys/survey-builder-form.js";
import type { DefinitionIssue } from "../../server/surveys/survey-definition.js";
import { CsrfInput } from "./csrf-input";

const b = t.surveyBuilder;
const TYPES = ["single", "multi", "scale", "ranking", "matrix", "text"] as const;
const usesOptions = (type: string) => type === "single" || type === "multi" || type === "ranking" || type === "matrix";

/** The element id of a definition path: `questions[0].options[1].label` → `f-questions-0-options-1-label`. */
export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/-+$/, "")}`;

type Props = { draft: SurveyDraft; issues: DefinitionIssue[]; mode: "new" | "edit" };

/**
 * The staff survey builder: one plain form posting the whole survey, where every button (save, add a question of a
 * type, move a question up or down, remove a question, option or row) is a submit button with its own `intent`, so
 * it all works from the keyboard and without JavaScript. Field names are the definition's paths, so each Polish
 * validation message is shown next to its field and listed, linked, in the summary above.
 */
export function SurveyBuilderForm({ draft, issues, mode }: Props) {
  const summary = useRef<HTMLDivElement>(null);
  const location = useLocation();
  // With JavaScript the page is redrawn in place, so focus is put where a reload would leave the reader: on the list
  // of problems after a refusal, on the moved or added question (#pytanie-N) after a save.
  useEffect(() => {
    if (issues.length) summary.current?.focus();
    else if (/^#pytanie-\d+$/.test(location.hash)) document.getElementById(location.hash.slice(1))?.focus();
  }, [issues, location.key, location.hash]);
  const byPath = new Map<string, string[]>();
  for (const i of issues) byPath.set(i.path, [...(byPath.get(i.path) ?? []), i.message]);
  const errorOf = (path: string) => byPath.get(path)?.join(" ");

  const text = (path: string, label: string, value: string, opts: { hint?: string; multiline?: boolean; required?: boolean; readOnly?: boolean; type?: string } = {}) => {
    const id = fieldId(path);
    const error = errorOf(path);
    const described = [opts.hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
    const common = { id, name: path, defaultValue: value, "aria-invalid": error ? true : undefined, "aria-describedby": described, required: opts.required, readOnly: opts.readOnly };
    return (
      <div className={`field${error ? " has-error" : ""}`}>
        <label htmlFor={id}>{label}</label>
        {opts.hint ? (
          <p id={`${id}-hint`} className="field-hint">
            {opts.hint}
          </p>
        ) : null}
        {opts.multiline ? <textarea {...common} rows={3} /> : <input {...common} type={opts.type ?? "text"} />}
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  const groupError = (path: string) => {
    const error = errorOf(path);
    return error ? (
      <p id={`${fieldId(path)}-error`} className="field-error">
        {error}
      </p>
    ) : null;
  };

  return (
    <Form method="post" className="survey-builder" key={JSON.stringify(draft)} aria-labelledby="builder-form-h">
      <h2 id="builder-form-h" className="visually-hidden">
        {mode === "new" ? b.newTitle : b.metadata}
      </h2>
      <CsrfInput />
      {issues.length ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <p>{b.fixBelow}</p>
          <ul>
            {issues.map((i, n) => (
              <li key={n}>
                <a href={`#${fieldId(i.path)}`}>{i.path}</a>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <fieldset>
        <legend>{b.metadata}</legend>
        {mode === "new" ? text("slug", b.slug, draft.slug, { hint: b.slugHint, required: true }) : text("slug", b.slugFixed, draft.slug, { readOnly: true })}
        {text("title", b.title, draft.title, { required: true })}
        {text("intro", b.introField, draft.intro, { multiline: true })}
        <div className="field">
          <label htmlFor={fieldId("respondent")}>{b.respondent}</label>
          <select id={fieldId("respondent")} name="respondent" defaultValue={draft.respondent} aria-invalid={errorOf("respondent") ? true : undefined} aria-describedby={errorOf("respondent") ? `${fieldId("respondent")}-error` : undefined}>
            <option value="city">{b.respondentCity}</option>
            <option value="person">{b.respondentPerson}</option>
          </select>
          {groupError("respondent")}
        </div>
        {text("opensAt", b.opensAt, draft.opensAt, { type: "datetime-local", required: true })}
        {text("closesAt", b.closesAt, draft.closesAt, { type: "datetime-local", required: true })}
        {/* The first submit button of the form: Enter in any field saves rather than moving a question. */}
        <p>
          <button type="submit" name="intent" value="save" className="primary">
            {mode === "new" ? b.create : b.save}
          </button>
        </p>
      </fieldset>

      <h2>{b.questions}</h2>
      {groupError("questions")}
      <ol className="plain-list survey-builder-questions">
        {draft.questions.map((q, i) => (
          <li key={i} id={`pytanie-${i + 1}`} tabIndex={-1}>
            <QuestionEditor q={q} i={i} last={i === draft.questions.length - 1} text={text} groupError={groupError} errorOf={errorOf} />
          </li>
        ))}
      </ol>

      <fieldset>
        <legend>{b.addQuestion}</legend>
        <ul className="plain-list form-actions">
          {TYPES.map((type) => (
            <li key={type}>
              <button type="submit" name="intent" value={`add:${type}`}>
                {b.addOfType(b.types[type])}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <p>
        <button type="submit" name="intent" value="save" className="primary">
          {mode === "new" ? b.create : b.save}
        </button>
      </p>
    </Form>
  );
}

type EditorProps = {
  q: DraftQuestion;
  i: number;
  last: boolean;
  text: (path: string, label: string, value: string, opts?: { hint?: string; multiline?: boolean; required?: boolean; type?: string }) => ReactNode;
  groupError: (path: string) => ReactNode;
  errorOf: (path: string) => string | undefined;
};

function QuestionEditor({ q, i, last, text, groupError, errorOf }: EditorProps) {
  const p = `questions[${i}]`;
  const n = i + 1;
  const which = <span className="visually-hidden"> ({b.question(n)})</span>;
  const typeId = fieldId(`${p}.type`);
  return (
    <fieldset className="card survey-builder-question">
      <legend>
        {b.question(n)}: {b.types[q.type] ?? q.type}
      </legend>
      {text(`${p}.id`, b.questionId, q.id, { hint: b.questionIdHint, required: true })}
      <div className="field">
        <label htmlFor={typeId}>{b.type}</label>
        <select id={typeId} name={`${p}.type`} defaultValue={q.type} aria-invalid={errorOf(`${p}.type`) ? true : undefined} aria-describedby={errorOf(`${p}.type`) ? `${typeId}-error` : undefined}>
          {TYPES.map((type) => (
            <option key={type} value={type}>
              {b.types[type]}
            </option>
          ))}
        </select>
        {groupError(`${p}.type`)}
      </div>
      {text(`${p}.text`, b.text, q.text, { multiline: true, required: true })}
      <div className="checkbox-row">
        <input type="checkbox" id={fieldId(`${p}.required`)} name={`${p}.required`} value="1" defaultChecked={q.required} />
        <label htmlFor={fieldId(`${p}.required`)}>{b.required}</label>
      </div>
      {usesOptions(q.type) && q.type !== "matrix" ? (
        <div className="checkbox-row">
          <input type="checkbox" id={fieldId(`${p}.topics`)} name={`${p}.topics`} value="1" defaultChecked={q.topics} />
          <label htmlFor={fieldId(`${p}.topics`)}>{b.topics}</label>
        </div>
      ) : null}
      {q.type === "scale" ? (
        <fieldset>
          <legend>{b.scale}</legend>
          {groupError(`${p}.scale`)}
          {text(`${p}.scale.min`, b.scaleMin, q.scale.min, { type: "number", required: true })}
          {text(`${p}.scale.max`, b.scaleMax, q.scale.max, { type: "number", required: true })}
          {text(`${p}.scale.minLabel`, b.scaleMinLabel, q.scale.minLabel)}
          {text(`${p}.scale.maxLabel`, b.scaleMaxLabel, q.scale.maxLabel)}
        </fieldset>
      ) : null}
      {q.type === "matrix" ? <ItemList kind="rows" p={p} items={q.rows} text={text} groupError={groupError} which={which} /> : null}
      {usesOptions(q.type) ? <ItemList kind="options" p={p} items={q.options} text={text} groupError={groupError} which={which} /> : null}
      <div className="form-actions" role="group" aria-label={b.questionActions(n)}>
        {i > 0 ? (
          <button type="submit" name="intent" value={`up:${i}`}>
            {b.moveUp}
            {which}
          </button>
        ) : null}{" "}
        {!last ? (
          <button type="submit" name="intent" value={`down:${i}`}>
            {b.moveDown}
            {which}
          </button>
        ) : null}{" "}
        <button type="submit" name="intent" value={`remove:${i}`}>
          {b.remove}
          {which}
        </button>
      </div>
    </fieldset>
  );
}

type ItemListProps = {
  kind: "options" | "rows";
  p: string;
  items: { id: string; label: string; area?: string }[];
  text: EditorProps["text"];
  groupError: EditorProps["groupError"];
  /** "(Pytanie 3)" for screen readers, so each remove button says which question it acts on. */
  which: ReactNode;
};

/** Options or matrix rows: each line an id, a label (and for options an area) and a remove button; one spare line adds. */
function ItemList({ kind, p, items, text, groupError, which }: ItemListProps) {
  const options = kind === "options";
  const lines = [...items, { id: "", label: "", area: "" }];
  const qi = p.slice("questions[".length, -1);
  return (
    <fieldset>
      <legend>{options ? b.options : b.rows}</legend>
      <p className="field-hint">{options ? b.optionsHint : b.rowsHint}</p>
      {groupError(`${p}.${kind}`)}
      <ol className="survey-builder-items">
        {lines.map((o, j) => {
          const path = `${p}.${kind}[${j}]`;
          const n = j + 1;
          const spare = j === items.length;
          return (
            <li key={j}>
              {text(`${path}.label`, options ? b.optionLabel(n) : b.rowLabel(n), o.label)}
              {text(`${path}.id`, options ? b.optionId(n) : b.rowId(n), o.id)}
              {options ? (
                <div className="field">
                  <label htmlFor={fieldId(`${path}.area`)}>{b.optionArea(n)}</label>
                  <select id={fieldId(`${path}.area`)} name={`${path}.area`} defaultValue={o.area ?? ""}>
                    <option value="">{b.noArea}</option>
                    {seedAreas.map((a) => (
                      <option key={a.slug} value={a.slug}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                  {groupError(`${path}.area`)}
                </div>
              ) : null}
              {spare ? null : (
                <button type="submit" name="intent" value={`${options ? "remove-option" : "remove-row"}:${qi}:${j}`}>
                  {options ? b.removeOption(n) : b.removeRow(n)}
                  {which}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
