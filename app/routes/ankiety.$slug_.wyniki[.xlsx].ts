import type { LoaderFunctionArgs } from "@remix-run/node";
import { surveyXlsx } from "~/lib/server-modules.server";
import { readableSurveyResults } from "~/lib/survey-results.server";

// The results as a workbook (raw answers and a summary), with the same permission and filters as the CSV.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { survey, rows, ...results } = await readableSurveyResults(params.slug, request, context);
  return new Response(await surveyXlsx(survey.questions, rows, results), {
    headers: {
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${survey.slug}-wyniki.xlsx"`,
    },
  });
}
