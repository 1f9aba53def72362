import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isNamedError, isSearchQueryError, parseSearchParams, searchLibrary, SearchParamError, toApiResult } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { apiRateLimited } from "~/lib/api-rate-limit.server";

const headers = { "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };

/** GET /api/search: the library search as JSON (docs/api.md, /api/openapi.json). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, headers);
  if (limited) return limited;
  let params;
  try {
    params = parseSearchParams(new URL(request.url).searchParams, { strict: true });
  } catch (error) {
    if (isNamedError(error, SearchParamError)) return json({ error: { code: "bad_parameter", message: error.message, parameter: error.param } }, { status: 400, headers });
    throw error;
  }
  try {
    return json(toApiResult(await searchLibrary(context.services.search.engine, params)), { headers });
  } catch (error) {
    if (isSearchQueryError(error)) return json({ error: { code: "bad_query", message: error.message } }, { status: 400, headers });
    context.services.logger.warn("api search failed", { error: error instanceof Error ? error.message : String(error) });
    return json({ error: { code: "search_unavailable", message: t.library.api.unavailable } }, { status: 503, headers: { ...headers, "Retry-After": "5" } });
  }
}
