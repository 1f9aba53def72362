import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { citiesQuerySchema, queryObject } from "~/lib/server-modules.server";
import { apiRateLimited } from "~/lib/api-rate-limit.server";
import { apiHeaders, parseApiQuery } from "~/lib/public-api.server";

/** GET /api/cities: confirmed cities by name, paged, filtered by voivodeship, size class, name and network. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, apiHeaders);
  if (limited) return limited;
  const q = parseApiQuery(citiesQuerySchema, queryObject(new URL(request.url)));
  if (!q.ok) return q.response;
  return json(await context.services.networks.apiCities(q.data), { headers: apiHeaders });
}
