import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { surveyCsv } from "~/lib/server-modules.server";
import { actorOf, notFound, requireUser } from "~/lib/guards.server";
import { resultFilterFrom } from "~/lib/survey-filter";
import { t } from "../../domain/i18n";

// One row per responding city, one column per question (matrix: per row), the same filters as the results page.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const actor = actorOf(context);
  if (!(await surveys.resultsAccess(actor, survey))) {
    requireUser(context, request);
    throw json({ message: t.surveys.results.forbidden }, { status: 403 });
  }
  const { rows } = await surveys.results(actor, survey, resultFilterFrom(new URL(request.url)));
  return new Response(surveyCsv(survey.questions, rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${survey.slug}-wyniki.csv"` },
  });
}
