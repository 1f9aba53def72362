import { Link } from "./link";
import { t } from "../../domain/i18n";

export type CityPractice = { id: number; slug: string; title: string; summary: string; year: number | null };

/** The good practices of a city, for the city page (loader: services.library.cityPractices(city.id)). */
export function LibraryCityPractices({ practices, canPropose }: { practices: CityPractice[]; canPropose?: boolean }) {
  return (
    <section aria-labelledby="city-practices">
      <h2 id="city-practices">{t.library.city.heading}</h2>
      {practices.length ? (
        <ul className="plain-list">
          {practices.map((p) => (
            <li key={p.id} className="card">
              <h3>
                <Link to={`/biblioteka/${p.slug}`}>{p.title}</Link>
              </h3>
              {p.year ? <p className="card-meta">{p.year}</p> : null}
              <p>{p.summary.length > 240 ? `${p.summary.slice(0, 237)}…` : p.summary}</p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-meta">{t.library.city.none}</p>
      )}
      {canPropose ? (
        <p>
          <Link to="/biblioteka/nowa">{t.library.city.propose}</Link>
        </p>
      ) : null}
    </section>
  );
}
