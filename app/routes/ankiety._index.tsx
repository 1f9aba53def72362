import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { t } from "../../domain/i18n";

const s = t.surveys;

export const meta: MetaFunction = () => [{ title: `${s.title} — ${t.common.appName}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  const list = await context.services.surveys.list();
  return json({ surveys: list.map(({ slug, title, phase, opensAt, closesAt }) => ({ slug, title, phase, opensAt, closesAt })) });
}

export default function SurveysIndex() {
  const { surveys } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="surveys-title">
      <h1 id="surveys-title">{s.title}</h1>
      <p>{s.intro}</p>
      {surveys.length ? (
        <ul className="plain-list">
          {surveys.map((v) => (
            <li key={v.slug} className="card">
              <h2>
                <Link to={`/ankiety/${v.slug}`}>{v.title}</Link>
              </h2>
              <p className="card-meta">{v.phase === "open" ? s.openUntil(formatDate(v.closesAt)) : v.phase === "closed" ? s.closedOn(formatDate(v.closesAt)) : s.opensOn(formatDate(v.opensAt))}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{s.empty}</p>
      )}
    </section>
  );
}
