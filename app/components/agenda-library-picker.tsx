import { useEffect, useId, useState } from "react";
import { t } from "../../domain/i18n";

const s = t.agenda.sessions;
const MAX_ITEMS = 50;

type Item = { id: number; title: string; slug: string; kind: string };

// Titles known on this page, shared by every session's picker: learned from search results and fetched for ids that
// arrive with the document (also those another editor has just added).
const known = new Map<number, Item | null>();
const asked = new Set<number>();

function useTitles(titlesUrl: string, ids: number[]): (id: number) => Item | null | undefined {
  const [, rerender] = useState(0);
  const missing = ids.filter((id) => !known.has(id) && !asked.has(id));
  const key = missing.join(",");
  useEffect(() => {
    if (!key) return;
    const wanted = key.split(",").map(Number);
    for (const id of wanted) asked.add(id);
    void fetch(`${titlesUrl}?ids=${key}`)
      .then((r) => (r.ok ? (r.json() as Promise<{ items: Item[] }>) : { items: [] }))
      .then(({ items }) => {
        for (const id of wanted) known.set(id, items.find((i) => i.id === id) ?? null);
        rerender((n) => n + 1);
      })
      .catch(() => wanted.forEach((id) => asked.delete(id)));
  }, [key, titlesUrl]);
  return (id) => known.get(id);
}

/** Links library items to a session: chosen items as a list, and a search of the library to add more. */
export function AgendaLibraryPicker({
  ids,
  titlesUrl,
  readOnly,
  onChange,
  announce,
}: {
  ids: number[];
  titlesUrl: string;
  readOnly: boolean;
  onChange: (ids: number[]) => void;
  announce: (message: string) => void;
}) {
  const idp = useId();
  const titleOf = useTitles(titlesUrl, ids);
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Item[] | null>(null);
  const name = (id: number) => titleOf(id)?.title ?? s.libraryUnknown(id);

  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return setResults(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/search?${new URLSearchParams({ q, hitsPerPage: "6" })}`, { signal: abort.signal })
        .then((r) => (r.ok ? (r.json() as Promise<{ hits: Item[] }>) : { hits: [] }))
        .then(({ hits }) => {
          for (const h of hits) known.set(h.id, h);
          setResults(hits);
        })
        .catch(() => undefined);
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const add = (item: Item) => {
    if (!ids.includes(item.id) && ids.length < MAX_ITEMS) onChange([...ids, item.id]);
    setQuery("");
    setResults(null);
    announce(s.libraryAdded(item.title));
    requestAnimationFrame(() => document.getElementById(`${idp}-q`)?.focus());
  };
  const remove = (id: number) => {
    onChange(ids.filter((x) => x !== id));
    announce(s.libraryRemoved(name(id)));
  };

  return (
    <fieldset className="agenda-library">
      <legend>{s.library}</legend>
      {ids.length === 0 ? (
        <p className="field-hint">{s.libraryNone}</p>
      ) : (
        <ul className="agenda-library-list">
          {ids.map((id) => {
            const item = titleOf(id);
            return (
              <li key={id}>
                {item ? (
                  <a href={`/biblioteka/${item.slug}`} target="_blank" rel="noopener">
                    {item.title}
                  </a>
                ) : (
                  <span>{name(id)}</span>
                )}
                {readOnly ? null : (
                  <button type="button" className="link-button" aria-label={s.libraryRemove(name(id))} onClick={() => remove(id)}>
                    {s.libraryRemoveShort}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {readOnly ? null : (
        <>
          <label htmlFor={`${idp}-q`}>{s.libraryAdd}</label>
          <input id={`${idp}-q`} type="search" value={query} autoComplete="off" onChange={(e) => setQuery(e.target.value)} />
          {results === null ? null : results.length === 0 ? (
            <p className="field-hint" role="status">
              {s.libraryNoResults}
            </p>
          ) : (
            <ul className="agenda-library-results" aria-label={s.libraryResults}>
              {results.map((item) => (
                <li key={item.id}>
                  <button type="button" className="link-button" disabled={ids.includes(item.id)} onClick={() => add(item)}>
                    {s.libraryPick(item.title, t.library.kinds[item.kind as keyof typeof t.library.kinds] ?? item.kind)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </fieldset>
  );
}
