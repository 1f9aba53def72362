import { useLocation } from "@remix-run/react";
import { Link } from "./link";
import { useEffect, useState } from "react";
import { t } from "../../domain/i18n";

/** What a library result link carries in the history entry: the list's query string (query, filters, sort, page). */
export type LibraryLinkState = { librarySearch: string };

/** The history state a result link sets, so the item page can lead back to exactly this search. */
export function libraryLinkState(search: string): LibraryLinkState {
  return { librarySearch: search };
}

/**
 * "Wróć do biblioteki" that returns to the search the person came from (kept in the history entry, so a reload keeps
 * it too). The server renders the plain list; after hydration the link carries the query and filters.
 */
export function LibraryBackLink() {
  const location = useLocation();
  const [search, setSearch] = useState("");
  useEffect(() => {
    const saved = (location.state as Partial<LibraryLinkState> | null)?.librarySearch;
    setSearch(typeof saved === "string" && saved.startsWith("?") ? saved : "");
  }, [location.state]);
  return <Link to={`/biblioteka${search}`}>← {t.library.item.back}</Link>;
}
