import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { t } from "../../domain/i18n";
import { apiRateLimited } from "~/lib/api-rate-limit.server";

// Public directory data only (name and voivodeship of confirmed towns); short caching spares repeated keystrokes.
const headers = { "Cache-Control": "public, max-age=300" };

/**
 * GET /miasta/podpowiedzi?q=…: at most ten confirmed towns for the city field's suggestions. It counts against the
 * same per-address budget as the JSON API, so it cannot be used to page through the directory unlimited.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = await apiRateLimited(context, { "Cache-Control": "no-store" });
  if (limited) return limited;
  const q = new URL(request.url).searchParams.get("q") ?? "";
  if (q.length > 80) return json({ error: { code: "bad_parameter", message: t.cityField.api.badQuery, parameter: "q" } }, { status: 400, headers: { "Cache-Control": "no-store" } });
  return json({ cities: await context.services.cities.suggest(q) }, { headers });
}
