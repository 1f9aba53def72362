import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

/** Hidden CSRF token field; every form that changes something includes it. */
export function CsrfInput() {
  const data = useRouteLoaderData<RootData>("root");
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}

/** The token for fetch() calls (sent as X-CSRF-Token). */
export function useCsrfToken(): string {
  return useRouteLoaderData<RootData>("root")?.csrfToken ?? "";
}
