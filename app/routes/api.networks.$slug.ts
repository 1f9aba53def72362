import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { networkDetailJson, networkSlugParam } from "~/lib/server-modules.server";
import { apiRateLimited } from "~/lib/api-rate-limit.server";
import { apiHeaders, apiNotFound, parseApiQuery } from "~/lib/public-api.server";

/** GET /api/networks/{slug}: one network's public page as JSON (no agreements, discussion or members-only materials). */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, apiHeaders);
  if (limited) return limited;
  const q = parseApiQuery(networkSlugParam, { slug: params.slug });
  if (!q.ok) return q.response;
  const page = await context.services.networks.page(q.data.slug, null);
  if (!page) return apiNotFound();
  return json(networkDetailJson(page), { headers: apiHeaders });
}
