import { useRouteLoaderData } from "@remix-run/react";

// Only the field this file reads from the root loader's data; importing the root route's type would make a circle
// (root → site header → this file → root).
type RootCsrf = { csrfToken: string };

/** Hidden CSRF token field; every form that changes something includes it. */
export function CsrfInput() {
  const data = useRouteLoaderData<RootCsrf>("root");
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}

/** The token for fetch() calls (sent as X-CSRF-Token). */
export function useCsrfToken(): string {
  return useRouteLoaderData<RootCsrf>("root")?.csrfToken ?? "";
}
