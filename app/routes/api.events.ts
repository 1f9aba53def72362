import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { eventsQuerySchema, queryObject } from "~/lib/server-modules.server";
import { apiRateLimited } from "~/lib/api-rate-limit.server";
import { apiHeaders, parseApiQuery } from "~/lib/public-api.server";

/** GET /api/events: events in start order, paged, filtered by area, kind, dates and network. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, apiHeaders);
  if (limited) return limited;
  const q = parseApiQuery(eventsQuerySchema, queryObject(new URL(request.url)));
  if (!q.ok) return q.response;
  return json(await context.services.networks.apiEvents(q.data), { headers: apiHeaders });
}
