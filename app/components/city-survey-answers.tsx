import { Link } from "./link";
import { t } from "../../domain/i18n";
import { formatDate } from "~/lib/format";
import { DataTable } from "./data-table";

const c = t.surveys.cityProfile;

type Readable = { id: string; question: string } & ({ kind: "text"; answer: string } | { kind: "matrix"; rows: { row: string; answer: string }[] });
export type CitySurveyAnswers = { slug: string; title: string; status: string; submittedAt: string | null; answers: Readable[] }[];

/**
 * A city's own survey answers on its profile, question → answer; matrix questions (key resources and factors) as a
 * table with a row heading per resource. The loader sends them only to the city's verified representatives and staff.
 */
export function CitySurveyAnswersSection({ responses }: { responses: CitySurveyAnswers }) {
  if (!responses.length) return null;
  return (
    <section aria-labelledby="city-surveys-title" className="city-survey-answers">
      <h2 id="city-surveys-title">{c.title}</h2>
      <p className="field-hint">{c.hint}</p>
      {responses.map((r) => (
        <article key={r.slug} aria-labelledby={`city-survey-${r.slug}`} className="card">
          <h3 id={`city-survey-${r.slug}`}>
            <Link to={`/ankiety/${r.slug}`}>{r.title}</Link>
          </h3>
          <p className="card-meta">{r.status === "submitted" && r.submittedAt ? c.submittedOn(formatDate(r.submittedAt)) : c.status[r.status]}</p>
          <dl className="survey-answers">
            {r.answers.map((a) => (
              <div key={a.id}>
                <dt>{a.question}</dt>
                <dd>
                  {a.kind === "text" ? (
                    a.answer
                  ) : (
                    <DataTable
                      caption={`${c.keyResources}: ${a.question}`}
                      head={false}
                      rows={a.rows}
                      rowKey={(row) => row.row}
                      columns={[
                        { header: c.keyResources, rowHeader: true, cell: (row) => row.row },
                        { header: c.keyResources, cell: (row) => row.answer },
                      ]}
                    />
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </section>
  );
}
