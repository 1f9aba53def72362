import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { formatDate } from "~/lib/format";
import { actorOf, notFound } from "~/lib/guards.server";
import { t } from "../../domain/i18n";
import { NetworkLinkList } from "~/components/network-links";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.networks.areaTitle(data.area.name)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const page = await context.services.networks.area(params.slug ?? "", actorOf(context));
  if (!page) notFound();
  return json(page);
}

export default function AreaPage() {
  const { area, upcoming, past, library, networks } = useLoaderData<typeof loader>();
  const events = [...upcoming, ...past];
  return (
    <article aria-labelledby="area-title">
      <h1 id="area-title">{t.networks.areaTitle(area.name)}</h1>
      <p className="prose">{area.description}</p>
      <section aria-labelledby="area-networks">
        <h2 id="area-networks">{t.networks.areaNetworks}</h2>
        <NetworkLinkList networks={networks} empty={t.networks.areaNothing} />
      </section>
      <section aria-labelledby="area-events">
        <h2 id="area-events">{t.networks.areaEvents}</h2>
        {events.length ? (
          <ul>
            {events.map((e) => (
              <li key={e.id}>
                <Link to={`/wydarzenia/${e.slug}`}>{e.title}</Link> <span className="card-meta">{`${formatDate(e.startsAt)} · ${t.events.kinds[e.kind]}`}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t.networks.areaNothing}</p>
        )}
      </section>
      <section aria-labelledby="area-library">
        <h2 id="area-library">{t.networks.areaLibrary}</h2>
        {library.length ? (
          <ul>
            {library.map((i) => (
              <li key={i.id}>
                <Link to={`/biblioteka/${i.slug}`}>{i.title}</Link> <span className="card-meta">{t.library.kinds[i.kind]}</span>
                {i.membersOnly ? <> <span className="badge">{t.networks.membersOnlyBadge}</span></> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty-state">{t.networks.areaNothing}</p>
        )}
        <p>
          <Link to={`/biblioteka?area=${area.slug}`}>{t.networks.areaLibraryAll}</Link>
        </p>
      </section>
      <section aria-labelledby="area-surveys">
        <h2 id="area-surveys">{t.networks.areaSurveysTitle}</h2>
        <p className="empty-state">{t.networks.areaSurveys}</p>
      </section>
    </article>
  );
}
