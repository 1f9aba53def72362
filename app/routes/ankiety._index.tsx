import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { formatDate } from "~/lib/format";
import { actorOf } from "~/lib/guards.server";
import { can } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const s = t.surveys;
const b = t.surveyBuilder;

export const meta: MetaFunction = () => [{ title: `${s.title} — ${t.common.appName}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  const list = await context.services.surveys.list();
  return json({ staff: can(actorOf(context), "survey:manage"), surveys: list.map(({ slug, title, phase, opensAt, closesAt }) => ({ slug, title, phase, opensAt, closesAt })) });
}

export default function SurveysIndex() {
  const { surveys, staff } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="surveys-title">
      <h1 id="surveys-title">{s.title}</h1>
      <p>{s.intro}</p>
      {staff ? (
        <p className="form-actions">
          <Link to="/ankiety/nowa" className="button primary">
            {b.newSurvey}
          </Link>{" "}
          <Link to="/ankiety/wczytaj" className="button">
            {b.upload}
          </Link>
        </p>
      ) : null}
      {surveys.length ? (
        <ul className="plain-list">
          {surveys.map((v) => (
            <li key={v.slug} className="card">
              <h2>
                <Link to={`/ankiety/${v.slug}`}>{v.title}</Link>
              </h2>
              <p className="card-meta">{v.phase === "open" ? s.openUntil(formatDate(v.closesAt)) : v.phase === "closed" ? s.closedOn(formatDate(v.closesAt)) : s.opensOn(formatDate(v.opensAt))}</p>
              {staff ? (
                <p>
                  <Link to={`/ankiety/${v.slug}/edycja`}>
                    {b.edit}
                    <span className="visually-hidden">: {v.title}</span>
                  </Link>{" "}
                  · <Link to={`/ankiety/${v.slug}/wyniki`}>{s.results.title(v.title)}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{s.empty}</p>
      )}
    </section>
  );
}
