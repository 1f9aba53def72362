import { t } from "../../domain/i18n";
import type { FacetName, LibraryState } from "./library-url";
import { comparePolish } from "../../domain/polish-order";

type Props = {
  state: LibraryState;
  distribution: Record<string, Record<string, number>>;
  labels: { area: Record<string, string>; city: Record<string, string> };
};

const groups: { name: FacetName; key: string; legend: string }[] = [
  { name: "kind", key: "kind", legend: t.library.search.facetKind },
  { name: "area", key: "areas", legend: t.library.search.facetArea },
  { name: "city", key: "city", legend: t.library.search.facetCity },
  { name: "year", key: "year", legend: t.library.search.facetYear },
];

/** A readable label for a facet value. */
export function facetLabel(name: FacetName, value: string, labels: Props["labels"]): string {
  if (name === "kind") return (t.library.kinds as Record<string, string>)[value] ?? value;
  if (name === "area") return labels.area[value] ?? value;
  if (name === "city") return labels.city[value] ?? value;
  return value;
}

/**
 * The values a facet group shows, in order: the most frequent first (years newest first), chosen ones included, at
 * most 12 cities or years and 20 of the others.
 */
function shownValues(name: FacetName, counts: Record<string, number>, selected: string[], labels: Props["labels"]): string[] {
  const values = [...new Set([...Object.keys(counts), ...selected])];
  if (name === "year") values.sort((a, b) => Number(b) - Number(a));
  else values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || comparePolish(facetLabel(name, a, labels), facetLabel(name, b, labels)));
  return values.slice(0, name === "city" || name === "year" ? 12 : 20);
}

/**
 * The part of the search's facet counts and city names the page shows (the loader sends only that: a search over the
 * whole library counts every city, and all of them went into the page's data, three times serialised).
 */
export function shownFacets(distribution: Props["distribution"], state: LibraryState, labels: Props["labels"]): Pick<Props, "distribution" | "labels"> {
  const shown: Props["distribution"] = {};
  const cities = new Set(state.city.map(String));
  for (const g of groups) {
    const counts = distribution[g.key] ?? {};
    const values = shownValues(g.name, counts, state[g.name].map(String), labels);
    shown[g.key] = Object.fromEntries(values.filter((v) => v in counts).map((v) => [v, counts[v]]));
    if (g.name === "city") for (const v of values) cities.add(v);
  }
  const city = Object.fromEntries(Object.entries(labels.city).filter(([slug]) => cities.has(slug)));
  return { distribution: shown, labels: { area: labels.area, city } };
}

/** Facet checkboxes with counts; part of the GET form, so they work without JavaScript. */
export function LibraryFacets({ state, distribution, labels }: Props) {
  return (
    <div className="library-facets">
      <h2 className="visually-hidden">{t.library.search.facets}</h2>
      {groups.map((g) => {
        const counts = distribution[g.key] ?? {};
        const selected = state[g.name].map(String);
        const values = shownValues(g.name, counts, selected, labels);
        if (values.length === 0) return null;
        return (
          <fieldset key={g.name} className="facet-group">
            <legend>{g.legend}</legend>
            <ul className="facet-list">
              {values.map((v) => {
                const id = `f-${g.name}-${v}`;
                return (
                  <li key={v} className="checkbox-row">
                    <input type="checkbox" id={id} name={g.name} value={v} defaultChecked={selected.includes(v)} />
                    <label htmlFor={id}>
                      {facetLabel(g.name, v, labels)} <span className="facet-count">({counts[v] ?? 0})</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
