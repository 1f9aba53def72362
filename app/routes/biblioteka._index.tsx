import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData, useLocation, useNavigation, useSubmit } from "@remix-run/react";
import { Link } from "~/components/link";
import { can, isNamedError, parseSearchParams, searchLibrary, SearchParamError } from "~/lib/server-modules.server";
import { SORTS } from "../../domain/library-sorts.js";
import { useEffect, useRef, useState } from "react";
import { libraryLinkState } from "~/components/library-back-link";
import { facetLabel, LibraryFacets, shownFacets } from "~/components/library-facets";
import { LibraryHit, type HitView } from "~/components/library-hit";
import { libraryQuery, pageLink, toggleFacet, type FacetName, type LibraryState } from "~/components/library-url";
import { atomLinks } from "~/lib/feed-links";
import { t } from "../../domain/i18n";
import { actorOf } from "~/lib/guards.server";

const L = t.library;
const HITS = 10;

export const meta: MetaFunction<typeof loader> = ({ data, location }) => [
  { title: `${data?.state.q ? `${data.state.q} — ` : ""}${L.title} — ${t.common.appName}` },
  ...atomLinks("/biblioteka/atom.xml", t.notifications.feeds.library, new URLSearchParams(location.search).getAll("area")),
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { areas: areaService, cities, search } = context.services;
  const area = Object.fromEntries((await areaService.list()).map((a) => [a.slug, a.name]));
  // City names only for the cities this page mentions (facets, chosen filters), not the whole directory of ~1,100.
  const labelsFor = async (slugs: string[]) => ({ area, city: await cities.names(slugs) });
  const canPropose = can(actorOf(context), "library:propose");
  const canImport = can(actorOf(context), "library:import");
  const empty = { hits: [] as HitView[], facetDistribution: {} as Record<string, Record<string, number>>, estimatedTotalHits: 0, totalPages: 0, processingTimeMs: 0 };
  let params;
  try {
    params = parseSearchParams(new URL(request.url).searchParams);
  } catch (error) {
    if (!isNamedError(error, SearchParamError)) throw error;
    const state: LibraryState = { q: "", kind: [], area: [], city: [], year: [], sort: "relevance", page: 1 };
    return json({ state, result: empty, labels: await labelsFor([]), error: error.message, unavailable: false, canPropose, canImport }, { status: 400 });
  }
  const state: LibraryState = { q: params.q, kind: params.kind, area: params.area, city: params.city, year: params.year, sort: params.sort, page: params.page };
  try {
    const r = await searchLibrary(search.engine, { ...params, hitsPerPage: HITS }, { disjunctive: true, viewer: await context.services.library.viewer(actorOf(context)) });
    const hits: HitView[] = r.hits.map((h) => ({ id: h.id, kind: h.kind, group: h.group, url: h.url, year: h.year, cityName: h.cityName, areas: h.areas, membersOnly: Boolean(h.membersOf?.length), _formatted: { title: h._formatted.title, summary: h._formatted.summary } }));
    const shown = shownFacets(r.facetDistribution, state, await labelsFor([...state.city, ...Object.keys(r.facetDistribution.city ?? {})]));
    return json({ state, result: { hits, facetDistribution: shown.distribution, estimatedTotalHits: r.estimatedTotalHits, totalPages: r.totalPages, processingTimeMs: r.processingTimeMs }, labels: shown.labels, error: null, unavailable: false, canPropose, canImport });
  } catch (error) {
    context.services.logger.warn("library search failed", { error: error instanceof Error ? error.message : String(error) });
    return json({ state, result: empty, labels: await labelsFor(state.city), error: null, unavailable: true, canPropose, canImport }, { status: 503 });
  }
}

function ActiveFilters({ state, labels }: { state: LibraryState; labels: { area: Record<string, string>; city: Record<string, string> } }) {
  const chips = (["kind", "area", "city", "year"] as FacetName[]).flatMap((f) => state[f].map((v) => ({ f, v: String(v) })));
  if (chips.length === 0) return null;
  return (
    <div className="active-filters" aria-label={L.search.activeFilters} role="group">
      <span className="active-filters-label">{L.search.activeFilters}:</span>
      {chips.map(({ f, v }) => (
        <Link key={`${f}-${v}`} to={toggleFacet(state, f, v)} className="chip" aria-label={L.search.removeFilter(facetLabel(f, v, labels))}>
          {facetLabel(f, v, labels)} <span aria-hidden="true">×</span>
        </Link>
      ))}
      <Link to={`/biblioteka${libraryQuery({ ...state, kind: [], area: [], city: [], year: [], page: 1 })}`} className="chip chip-clear">
        {L.search.clearAll}
      </Link>
    </div>
  );
}

function Suggestions() {
  return (
    <ul className="suggestions">
      {L.search.suggestions.map((s) => (
        <li key={s}>
          <Link to={`/biblioteka?q=${encodeURIComponent(s)}`}>{s}</Link>
        </li>
      ))}
    </ul>
  );
}

export default function LibraryIndex() {
  const { state, result, labels, error, unavailable, canPropose, canImport } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const navigation = useNavigation();
  const form = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/biblioteka";
  const activeCount = state.kind.length + state.area.length + state.city.length + state.year.length;
  const filtered = activeCount > 0;
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const { search } = useLocation();
  useEffect(() => setHydrated(true), []);
  useEffect(() => () => clearTimeout(timer.current), []);

  // Enhancement: typing searches after a pause, ticking a facet or changing the sort searches at once.
  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    clearTimeout(timer.current);
    const go = () => form.current && submit(form.current, { replace: true, preventScrollReset: true });
    if (target.name === "q") timer.current = setTimeout(go, 250);
    else go();
  };

  return (
    <>
      <h1>{L.title}</h1>
      <p>{L.intro}</p>
      {canPropose ? (
        <p>
          <Link to="/biblioteka/moje">{L.editor.listTitle}</Link> · <Link to="/biblioteka/nowa">{L.editor.create}</Link>
          {canImport ? (
            <>
              {" · "}
              <Link to="/admin/import">{L.import.title}</Link>
            </>
          ) : null}
        </p>
      ) : null}
      <Form method="get" action="/biblioteka" ref={form} onChange={onChange} role="search" aria-label={L.search.label} className="library-search">
        <div className="library-search-box">
          <label htmlFor="q">{L.search.label}</label>
          <div className="search-row">
            <input id="q" name="q" type="search" defaultValue={state.q} key={state.q} placeholder={L.search.placeholder} aria-describedby="q-hint" autoComplete="off" maxLength={200} />
            <button type="submit" className="primary">
              {L.search.submit}
            </button>
          </div>
          <p id="q-hint" className="field-hint">
            {L.search.hint}
          </p>
        </div>
        <a href="#results-heading" className="skip-inline">
          {L.search.skipToResults}
        </a>
        <div className={`library-layout${hydrated && !filtersOpen ? " filters-collapsed" : ""}`}>
          {/* On a phone the facets fold under this button, which sits where it is seen: above the results. */}
          <button type="button" className="button button-secondary filters-toggle" aria-expanded={!hydrated || filtersOpen} aria-controls="library-aside" onClick={() => setFiltersOpen((o) => !o)}>
            {L.search.filtersButton(activeCount)}
          </button>
          <aside className="library-aside" id="library-aside" aria-label={L.search.facets}>
            <LibraryFacets state={state} distribution={result.facetDistribution} labels={labels} />
            <noscript>
              <button type="submit" className="button button-secondary">
                {L.search.applyFilters}
              </button>
            </noscript>
          </aside>
          <section className="library-results" aria-labelledby="results-heading">
            <div className="results-bar">
              <h2 id="results-heading" aria-live="polite">
                {searching ? L.search.loading : state.q ? L.search.resultsFor(result.estimatedTotalHits, state.q) : L.search.results(result.estimatedTotalHits)}
              </h2>
              <div className="field sort-field">
                <label htmlFor="sort">{L.search.sort}</label>
                <select id="sort" name="sort" defaultValue={state.sort} key={state.sort}>
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {{ relevance: state.q ? L.search.sortRelevance : L.search.sortDefaultNoQuery, "date:desc": L.search.sortNewest, "date:asc": L.search.sortOldest, "title:asc": L.search.sortTitle }[s]}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <ActiveFilters state={state} labels={labels} />
            {error ? (
              <div className="notice notice-warn" role="alert">
                {error}
              </div>
            ) : null}
            {unavailable ? (
              <div className="notice notice-warn" role="alert">
                {L.search.unavailable}
              </div>
            ) : null}
            {!state.q && !filtered && !error ? (
              <div className="notice">
                <p>
                  <strong>{L.search.emptyTitle}</strong> {L.search.emptyText}
                </p>
                <Suggestions />
              </div>
            ) : null}
            {result.hits.length === 0 && (state.q || filtered) && !unavailable ? (
              <div className="empty-state">
                <h3>{L.search.noResultsTitle}</h3>
                <ul className="tips">
                  {L.search.noResultsTips.map((tip) => (
                    <li key={tip}>{tip}</li>
                  ))}
                </ul>
                <Suggestions />
              </div>
            ) : null}
            <ol className="plain-list library-hits">
              {result.hits.map((h) => (
                <li key={h.id}>
                  <LibraryHit hit={h} areaNames={labels.area} linkState={libraryLinkState(search)} />
                </li>
              ))}
            </ol>
            {result.totalPages > 1 ? (
              <nav className="pagination" aria-label={t.common.pagination.label}>
                {state.page > 1 ? <Link to={pageLink(state, state.page - 1)}>← {t.common.actions.prev}</Link> : null}
                <span>{L.search.page(state.page, result.totalPages)}</span>
                {state.page < result.totalPages ? <Link to={pageLink(state, state.page + 1)}>{t.common.actions.next} →</Link> : null}
              </nav>
            ) : null}
          </section>
        </div>
      </Form>
    </>
  );
}
