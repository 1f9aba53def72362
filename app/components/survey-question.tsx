import { t } from "../../domain/i18n";
import type { Answer } from "../../server/surveys/survey-answers.js";
import type { SurveyQuestion } from "../../server/surveys/survey-definition.js";

const s = t.surveys;

type Props = { q: SurveyQuestion; value: Answer | undefined; error?: string; disabled?: boolean };

const asList = (v: Answer | undefined): string[] => (Array.isArray(v) ? v : typeof v === "string" ? [v] : []);
const asCells = (v: Answer | undefined): Record<string, string> => (v && typeof v === "object" && !Array.isArray(v) ? v : {});

/**
 * One survey question as plain form controls that work without JavaScript. Field names follow issue 13: the question
 * id (repeated for multi and, in order of preference, for ranking) and `<questionId>.<rowId>` for matrix rows.
 */
export function SurveyQuestionField({ q, value, error, disabled }: Props) {
  const errorId = `${q.id}-error`;
  const described = error ? errorId : undefined;
  const legend = (
    <legend>
      {q.text}
      {q.required ? <span className="required"> {s.required}</span> : null}
    </legend>
  );
  const errorLine = error ? (
    <p id={errorId} className="field-error" role="alert">
      {error}
    </p>
  ) : null;
  const options = q.options ?? [];

  if (q.type === "text") {
    return (
      <div className={`field survey-question${error ? " has-error" : ""}`}>
        <label htmlFor={`q-${q.id}`}>
          {q.text}
          {q.required ? <span className="required"> {s.required}</span> : null}
        </label>
        <textarea id={`q-${q.id}`} name={q.id} defaultValue={asList(value)[0] ?? ""} rows={4} maxLength={5000} disabled={disabled} aria-invalid={error ? true : undefined} aria-describedby={described} />
        {errorLine}
      </div>
    );
  }

  if (q.type === "ranking") {
    const chosen = asList(value);
    return (
      <fieldset className={`survey-question${error ? " has-error" : ""}`} aria-describedby={[`${q.id}-hint`, described].filter(Boolean).join(" ")}>
        {legend}
        <p id={`${q.id}-hint`} className="field-hint">
          {s.rankingHint}
        </p>
        <ol className="survey-ranking">
          {options.map((_, i) => (
            <li key={i}>
              <label htmlFor={`q-${q.id}-${i}`}>{s.rankingPlace(i + 1)}</label>{" "}
              <select id={`q-${q.id}-${i}`} name={q.id} defaultValue={chosen[i] ?? ""} disabled={disabled}>
                <option value="">{s.rankingNone}</option>
                {options.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ol>
        {errorLine}
      </fieldset>
    );
  }

  if (q.type === "matrix") {
    const cells = asCells(value);
    return (
      <fieldset className={`survey-question${error ? " has-error" : ""}`} aria-describedby={described}>
        {legend}
        <div className="survey-matrix-wrap">
          <table className="survey-matrix">
            <thead>
              <tr>
                <th scope="col">{s.matrixRow}</th>
                {options.map((o) => (
                  <th key={o.id} scope="col">
                    {o.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {(q.rows ?? []).map((r) => (
                <tr key={r.id}>
                  <th scope="row" id={`q-${q.id}-${r.id}`}>
                    {r.label}
                  </th>
                  {options.map((o) => (
                    <td key={o.id}>
                      <input
                        type="radio"
                        name={`${q.id}.${r.id}`}
                        value={o.id}
                        defaultChecked={cells[r.id] === o.id}
                        disabled={disabled}
                        aria-label={`${r.label}: ${o.label}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {errorLine}
      </fieldset>
    );
  }

  const scaleOptions =
    q.type === "scale" && q.scale
      ? Array.from({ length: q.scale.max - q.scale.min + 1 }, (_, i) => {
          const v = q.scale!.min + i;
          const end = v === q.scale!.min ? q.scale!.minLabel : v === q.scale!.max ? q.scale!.maxLabel : undefined;
          return { id: String(v), label: end ? `${v} (${end})` : String(v) };
        })
      : options;
  const chosen = asList(value);
  const multi = q.type === "multi";
  return (
    <fieldset className={`survey-question${error ? " has-error" : ""}`} aria-describedby={described}>
      {legend}
      <ul className={`plain-list survey-choices${q.type === "scale" ? " survey-scale" : ""}`}>
        {scaleOptions.map((o) => (
          <li key={o.id}>
            <label>
              <input type={multi ? "checkbox" : "radio"} name={q.id} value={o.id} defaultChecked={chosen.includes(o.id)} disabled={disabled} /> {o.label}
            </label>
          </li>
        ))}
      </ul>
      {errorLine}
    </fieldset>
  );
}
