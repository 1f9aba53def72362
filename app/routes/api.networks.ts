import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { networkJson } from "~/lib/server-modules.server";
import { apiRateLimited } from "~/lib/api-rate-limit.server";
import { apiHeaders } from "~/lib/public-api.server";

/** GET /api/networks: every network with areas, leader, member cities and next meeting. */
export async function loader({ context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, apiHeaders);
  if (limited) return limited;
  return json({ networks: (await context.services.networks.list()).map(networkJson) }, { headers: apiHeaders });
}
