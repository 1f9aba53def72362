import { Link } from "./link";
import { t } from "../../domain/i18n";
import { safeHighlight } from "./library-url";

export type HitView = {
  id: string;
  kind: string;
  group: string;
  url: string;
  year: number | null;
  cityName: string | null;
  areas: string[];
  /** Members-only network material (only members and staff find it): shown with a badge. */
  membersOnly?: boolean;
  _formatted: { title: string; summary: string };
};

/** One search result: highlighted title and snippet (only <mark> survives), kind, year and city. */
export function LibraryHit({ hit, areaNames, headingLevel = 3, linkState }: { hit: HitView; areaNames: Record<string, string>; headingLevel?: 2 | 3; linkState?: unknown }) {
  const H = headingLevel === 2 ? "h2" : "h3";
  const kind = (t.library.kinds as Record<string, string>)[hit.kind] ?? (t.events.kinds as Record<string, string>)[hit.kind] ?? hit.kind;
  return (
    <article className="card library-hit">
      <p className="card-meta">
        <span className={`badge kind-${hit.kind}`}>{kind}</span>
        {hit.year ? <> · {hit.year}</> : null}
        {hit.cityName ? <> · {hit.cityName}</> : null}
        {hit.membersOnly ? <> · <span className="badge">{t.networks.membersOnlyBadge}</span></> : null}
      </p>
      <H>
        <Link to={hit.url} state={linkState} dangerouslySetInnerHTML={{ __html: safeHighlight(hit._formatted.title) }} />
      </H>
      {hit._formatted.summary ? <p className="snippet" dangerouslySetInnerHTML={{ __html: safeHighlight(hit._formatted.summary) }} /> : null}
      {hit.areas.length ? (
        <p className="card-meta">
          {hit.areas.map((a) => (
            <span key={a} className="tag">
              {areaNames[a] ?? a}
            </span>
          ))}
        </p>
      ) : null}
    </article>
  );
}
