import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { notFound, requirePermission } from "~/lib/guards.server";
import { resultFilterFrom } from "~/lib/survey-filter";

// Results as JSON for staff: { responses, questions: [{ id, type, counts, backers, mean? }] } (issue 13).
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const { rows: _rows, ...results } = await surveys.results(actor, survey, resultFilterFrom(new URL(request.url)));
  return json(results);
}
