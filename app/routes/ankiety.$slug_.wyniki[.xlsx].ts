import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { actorOf, notFound, requireUser } from "~/lib/guards.server";
import { resultFilterFrom } from "~/lib/survey-filter";
import { surveyXlsx } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

// The results as a workbook (raw answers and a summary), with the same permission and filters as the CSV.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const actor = actorOf(context);
  if (!(await surveys.resultsAccess(actor, survey))) {
    requireUser(context, request);
    throw json({ message: t.surveys.results.forbidden }, { status: 403 });
  }
  const { rows, ...results } = await surveys.results(actor, survey, resultFilterFrom(new URL(request.url)));
  return new Response(await surveyXlsx(survey.questions, rows, results), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${survey.slug}-wyniki.xlsx"`,
    },
  });
}
