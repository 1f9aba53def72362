import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { NetworkMap } from "~/components/network-map";
import { formatDate } from "~/lib/format";
import { can } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { count, nouns } from "../../domain/i18n/pl/plural.js";
import { AreaLinks } from "~/components/network-links";
import { actorOf } from "~/lib/guards.server";
import { comparePolish } from "../../domain/polish-order";

export const meta: MetaFunction = () => [{ title: `${t.networks.title} — ${t.common.appName}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  return json({ networks: await context.services.networks.list(), manage: can(actorOf(context), "network:manage") });
}

export default function Networks() {
  const { networks, manage } = useLoaderData<typeof loader>();
  // Every member city once, for the map and its list.
  const cities = [...new Map(networks.flatMap((n) => n.members).map((c) => [c.slug, c])).values()].sort((a, b) => comparePolish(a.name, b.name));
  return (
    <>
      <h1>{t.networks.title}</h1>
      <p className="prose">{t.networks.intro}</p>
      {manage ? (
        <p>
          <Link to="/admin/sieci">{t.networks.staff.listTitle}</Link>
        </p>
      ) : null}
      {networks.length ? (
        <ul className="plain-list" aria-label={t.networks.listLabel}>
          {networks.map((n) => (
            <li key={n.id} className="card">
              <h2>
                <Link to={`/sieci/${n.slug}`}>{n.name}</Link>
              </h2>
              <p className="card-meta">
                {t.networks.statuses[n.status]} · {t.networks.years(n.startYear, n.endYear)} · {count(n.members.length, nouns.miasto)}
              </p>
              <dl className="facts">
                <dt>{t.networks.areas}</dt>
                <dd>
                  <AreaLinks areas={n.areas} />
                </dd>
                <dt>{t.networks.leader}</dt>
                <dd>{n.leader ? <Link to={`/miasta/${n.leader.slug}`}>{n.leader.name}</Link> : "—"}</dd>
                <dt>{t.networks.members}</dt>
                <dd>{n.members.map((c) => c.name).join(", ")}</dd>
                <dt>{t.networks.nextMeeting}</dt>
                <dd>{n.nextMeeting ? <Link to={`/wydarzenia/${n.nextMeeting.slug}`}>{`${formatDate(n.nextMeeting.startsAt)} — ${n.nextMeeting.title}`}</Link> : t.networks.noNextMeeting}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{t.networks.empty}</p>
      )}
      {cities.length ? (
        <section aria-labelledby="networks-map">
          <h2 id="networks-map">{t.networks.mapTitle}</h2>
          <NetworkMap cities={cities} id="map-all" />
        </section>
      ) : null}
    </>
  );
}
