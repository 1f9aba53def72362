import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { notFound, requirePermission } from "~/lib/guards.server";
import { t } from "../../domain/i18n";

// The survey as its import file (staff): `npm run survey:import` takes it back unchanged.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  const definition = await context.services.surveys.exportDefinition(actor, params.slug ?? "");
  if (!definition) notFound();
  return json(definition, { headers: { "content-disposition": `attachment; filename="${definition.slug}.json"` } });
}

// /ankiety/<slug>.json also matches the answering page's pattern, which takes POSTs; say in Polish that this one does not.
export function action() {
  return json({ message: t.common.errors.methodNotAllowed }, { status: 405, headers: { Allow: "GET, HEAD" } });
}
