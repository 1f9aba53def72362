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

/** Facet checkboxes with counts; part of the GET form, so they work without JavaScript. */
export function LibraryFacets({ state, distribution, labels }: Props) {
  return (
    <div className="library-facets">
      <h2 className="visually-hidden">{t.library.search.facets}</h2>
      {groups.map((g) => {
        const counts = distribution[g.key] ?? {};
        const selected = state[g.name].map(String);
        const values = [...new Set([...Object.keys(counts), ...selected])];
        if (g.name === "year") values.sort((a, b) => Number(b) - Number(a));
        else values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || comparePolish(facetLabel(g.name, a, labels), facetLabel(g.name, b, labels)));
        if (values.length === 0) return null;
        return (
          <fieldset key={g.name} className="facet-group">
            <legend>{g.legend}</legend>
            <ul className="facet-list">
              {values.slice(0, g.name === "city" || g.name === "year" ? 12 : 20).map((v) => {
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
