/** Orders of the library list and of /api/search (`?sort=`); the page's sort menu shows them, the server checks them. */
export const SORTS = ["relevance", "date:desc", "date:asc", "title:asc"] as const;
export type LibrarySort = (typeof SORTS)[number];
