import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { eventCardView } from "~/lib/server-modules.server";
import { EventCard } from "~/components/event-card";
import { LibraryHit } from "~/components/library-hit";
import { t } from "../../domain/i18n";

export async function loader({ context }: LoaderFunctionArgs) {
  const { areas: areaService, events, search, logger } = context.services;
  const [areas, upcoming, practices] = await Promise.all([
    areaService.list(),
    events.cards({ when: "upcoming", limit: 3 }),
    // The home page still renders when the search engine is down; the section is simply left out.
    search.engine
      .search({ q: "", filter: 'group = "library" AND kind = "good_practice"', sort: ["date:desc"], hitsPerPage: 3 })
      .then((r) => r.hits.map(({ id, kind, group, url, year, cityName, areas, _formatted }) => ({ id, kind, group, url, year, cityName, areas, _formatted: { title: _formatted.title, summary: _formatted.summary } })))
      .catch((error): [] => {
        logger.warn("home: latest good practices unavailable", { error: String(error) });
        return [];
      }),
  ]);
  const markers = await events.markers(upcoming);
  return json({ areas, upcoming: upcoming.map((e) => eventCardView(e, markers[e.id])), practices, signedIn: Boolean(context.user) });
}

export default function Home() {
  const { areas, upcoming, practices, signedIn } = useLoaderData<typeof loader>();
  const areaNames = Object.fromEntries(areas.map((a) => [a.slug, a.name]));
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t.home.heroTitle}</h1>
        <p>{t.home.heroLead}</p>
        <div className="actions">
          <Link to="/wydarzenia" className="button">
            {t.home.ctaEvents}
          </Link>
          <Link to="/biblioteka" className="button button-secondary">
            {t.home.ctaLibrary}
          </Link>
          {signedIn ? null : (
            <Link to="/register" className="button button-secondary">
              {t.home.ctaRegister}
            </Link>
          )}
        </div>
      </section>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t.home.upcomingTitle}</h2>
        {upcoming.length ? (
          <div className="grid">
            {upcoming.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </div>
        ) : (
          <p className="empty-state">{t.home.upcomingEmpty}</p>
        )}
        <p>
          <Link to="/wydarzenia">{t.home.allEvents} →</Link>
        </p>
      </section>

      {practices.length ? (
        <section aria-labelledby="practices-title">
          <h2 id="practices-title">{t.home.practicesTitle}</h2>
          <div className="grid">
            {practices.map((hit) => (
              <LibraryHit key={hit.id} hit={hit} areaNames={areaNames} />
            ))}
          </div>
          <p>
            <Link to="/biblioteka?kind=good_practice">{t.home.allPractices} →</Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="areas-title">
        <h2 id="areas-title">{t.home.areasTitle}</h2>
        <ul className="grid plain-list">
          {areas.map((a) => (
            <li key={a.slug} className="card area-card">
              <h3>
                <Link to={`/obszary/${a.slug}`}>{a.name}</Link>
              </h3>
              <p>{a.description}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t.home.howTitle}</h2>
        <ul className="grid plain-list">
          {t.home.how.map((h) => (
            <li key={h.title} className="card">
              <h3>{h.title}</h3>
              <p>{h.text}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
