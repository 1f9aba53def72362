import { t } from "../../domain/i18n";
import { DataTable } from "./data-table";
import type { SurveyQuestion } from "../../server/surveys/survey-definition.js";
import type { QuestionResult } from "../../server/surveys/survey-results.js";

const s = t.surveys.results;
const BAR_W = 320;
const ROW_H = 26;
const LABEL_W = 260;

type Props = { q: SurveyQuestion; r: QuestionResult; cityNames: Record<string, string> };

const clip = (text: string, n = 38) => (text.length > n ? `${text.slice(0, n - 1)}…` : text);

/** Horizontal bars drawn on the server (no script): one per option or scale value. */
function Bars({ id, rows, title }: { id: string; rows: { label: string; value: number }[]; title: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const height = rows.length * ROW_H + 8;
  return (
    <svg className="survey-chart" viewBox={`0 0 ${LABEL_W + BAR_W + 40} ${height}`} role="img" aria-labelledby={`${id}-chart-title`} focusable="false">
      <title id={`${id}-chart-title`}>{title}</title>
      {rows.map((r, i) => (
        <g key={i} transform={`translate(0 ${i * ROW_H + 4})`}>
          <text x={LABEL_W - 8} y={ROW_H / 2 + 4} textAnchor="end" fontSize="13" fill="currentColor">
            {clip(r.label)}
          </text>
          <rect x={LABEL_W} y={3} width={Math.max(0, (r.value / max) * BAR_W)} height={ROW_H - 8} fill="#1f5f99" />
          <text x={LABEL_W + (r.value / max) * BAR_W + 6} y={ROW_H / 2 + 4} fontSize="13" fill="currentColor">
            {r.value}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A heat map for matrix questions: rows × options, darker for more respondents. */
function HeatMap({ q, counts, title }: { q: SurveyQuestion; counts: Record<string, Record<string, number>>; title: string }) {
  const options = q.options ?? [];
  const rows = q.rows ?? [];
  const cell = 70;
  const max = Math.max(1, ...rows.flatMap((r) => options.map((o) => counts[r.id]?.[o.id] ?? 0)));
  return (
    <svg className="survey-chart" viewBox={`0 0 ${LABEL_W + options.length * cell} ${(rows.length + 1) * ROW_H + 8}`} role="img" aria-labelledby={`${q.id}-chart-title`} focusable="false">
      <title id={`${q.id}-chart-title`}>{title}</title>
      {options.map((o, j) => (
        <text key={o.id} x={LABEL_W + j * cell + cell / 2} y={ROW_H - 8} textAnchor="middle" fontSize="12" fill="currentColor">
          {clip(o.label, 10)}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r.id} transform={`translate(0 ${(i + 1) * ROW_H})`}>
          <text x={LABEL_W - 8} y={ROW_H / 2 + 4} textAnchor="end" fontSize="13" fill="currentColor">
            {clip(r.label)}
          </text>
          {options.map((o, j) => {
            const n = counts[r.id]?.[o.id] ?? 0;
            const share = n / max;
            return (
              <g key={o.id}>
                <rect x={LABEL_W + j * cell + 2} y={2} width={cell - 4} height={ROW_H - 4} fill="#1f5f99" fillOpacity={0.1 + 0.9 * share} />
                <text x={LABEL_W + j * cell + cell / 2} y={ROW_H / 2 + 4} textAnchor="middle" fontSize="13" fill={share > 0.5 ? "#fff" : "#111"}>
                  {n}
                </text>
              </g>
            );
          })}
        </g>
      ))}
    </svg>
  );
}

/** One question's result: a chart for the eye and the same numbers as a table for screen readers and copying. */
export function SurveyQuestionResult({ q, r, cityNames }: Props) {
  const names = (slugs: string[]) => slugs.map((x) => cityNames[x] ?? x).join(", ");
  const heading = (
    <h2 id={`${q.id}-h`} className="survey-result-title">
      {q.text}
    </h2>
  );
  if (q.type === "text") {
    return (
      <section aria-labelledby={`${q.id}-h`} className="survey-result card">
        {heading}
        {r.answers?.length ? (
          <ul className="plain-list">
            {r.answers.map((a, i) => (
              <li key={i}>
                <strong>{a.cityName}:</strong> {a.text}
              </li>
            ))}
          </ul>
        ) : (
          <p>{s.noOpenAnswers}</p>
        )}
      </section>
    );
  }
  if (q.type === "matrix") {
    const counts = r.counts as Record<string, Record<string, number>>;
    return (
      <section aria-labelledby={`${q.id}-h`} className="survey-result card">
        {heading}
        <HeatMap q={q} counts={counts} title={s.chartOf(q.text)} />
        <DataTable
          caption={s.tableOf(q.text)}
          rows={q.rows ?? []}
          rowKey={(row) => row.id}
          columns={[
            { header: t.surveys.matrixRow, rowHeader: true, cell: (row) => row.label },
            ...(q.options ?? []).map((o) => ({ header: o.label, cell: (row: { id: string }) => counts[row.id]?.[o.id] ?? 0 })),
          ]}
        />
      </section>
    );
  }
  const counts = r.counts as Record<string, number>;
  const backers = r.backers as Record<string, string[]>;
  const rows =
    q.type === "scale"
      ? Object.keys(counts).map((k) => ({ id: k, label: k, value: counts[k] }))
      : (q.options ?? []).map((o) => ({ id: o.id, label: o.label, value: counts[o.id] ?? 0 }));
  return (
    <section aria-labelledby={`${q.id}-h`} className="survey-result card">
      {heading}
      {r.mean !== undefined ? <p>{s.mean(r.mean.toLocaleString("pl-PL"))}</p> : null}
      <Bars id={q.id} rows={rows} title={s.chartOf(q.text)} />
      <DataTable
        caption={s.tableOf(q.text)}
        rows={rows}
        rowKey={(row) => row.id}
        columns={[
          { header: q.type === "scale" ? s.value : s.option, rowHeader: true, cell: (row) => row.label },
          { header: s.count, cell: (row) => row.value },
          ...(q.type === "ranking" ? [{ header: s.meanRank, cell: (row: { id: string }) => r.meanRank?.[row.id]?.toLocaleString("pl-PL") }] : []),
          { header: s.cities, cell: (row) => names(backers[row.id] ?? []) },
        ]}
      />
    </section>
  );
}
