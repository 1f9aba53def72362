import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { LibraryHit, type HitView } from "~/components/library-hit";
import { membersOnlyFilter } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { actorOf } from "~/lib/guards.server";

const F = t.library.federated;
const GROUPS = ["library", "event", "thread"] as const;

export const meta: MetaFunction = () => [{ title: `${F.title} — ${t.common.appName}` }];

/** Federated search: one query over the library, events and the archives of live threads, grouped by kind. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const areas = Object.fromEntries((await context.services.areas.list()).map((a) => [a.slug, a.name]));
  if (!q) return json({ q, groups: [], areas, unavailable: false });
  try {
    // Members-only network materials only for members of their networks (and staff).
    const access = membersOnlyFilter(await context.services.library.viewer(actorOf(context)));
    const groups = await Promise.all(
      GROUPS.map(async (group) => {
        const r = await context.services.search.engine.search({ q, filter: [`group = "${group}"`, access].filter(Boolean).join(" AND "), hitsPerPage: 6 });
        const hits: HitView[] = r.hits.map((h) => ({ id: h.id, kind: h.kind, group: h.group, url: h.url, year: h.year, cityName: h.cityName, areas: h.areas, membersOnly: Boolean(h.membersOf?.length), _formatted: { title: h._formatted.title, summary: h._formatted.summary } }));
        return { group, total: r.estimatedTotalHits, hits };
      }),
    );
    return json({ q, groups, areas, unavailable: false });
  } catch (error) {
    context.services.logger.warn("federated search failed", { error: error instanceof Error ? error.message : String(error) });
    return json({ q, groups: [], areas, unavailable: true }, { status: 503 });
  }
}

export default function FederatedSearch() {
  const { q, groups, areas, unavailable } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{F.title}</h1>
      <p>{F.intro}</p>
      <Form method="get" role="search" aria-label={F.title} className="library-search-box">
        <label htmlFor="q">{F.label}</label>
        <div className="search-row">
          <input id="q" name="q" type="search" defaultValue={q} placeholder={t.library.search.placeholder} maxLength={200} />
          <button type="submit" className="primary">
            {t.library.search.submit}
          </button>
        </div>
      </Form>
      {unavailable ? (
        <p className="notice notice-warn" role="alert">
          {t.library.search.unavailable}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.group} aria-labelledby={`group-${g.group}`}>
          <h2 id={`group-${g.group}`}>
            {F.groups[g.group]} <span className="facet-count">({g.total})</span>
          </h2>
          {g.hits.length ? (
            <ol className="plain-list">
              {g.hits.map((h) => (
                <li key={h.id}>
                  <LibraryHit hit={h} areaNames={areas} />
                </li>
              ))}
            </ol>
          ) : (
            <p className="card-meta">{F.none}</p>
          )}
          {g.group === "library" && g.total > g.hits.length ? (
            <p>
              <Link to={`/biblioteka?q=${encodeURIComponent(q)}`}>{F.more(g.total)} →</Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
