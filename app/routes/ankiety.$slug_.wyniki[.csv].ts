import type { LoaderFunctionArgs } from "@remix-run/node";
import { surveyCsv } from "~/lib/server-modules.server";
import { readableSurveyResults } from "~/lib/survey-results.server";

// One row per responding city, one column per question (matrix: per row), the same filters as the results page.
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const { survey, rows } = await readableSurveyResults(params.slug, request, context);
  return new Response(surveyCsv(survey.questions, rows), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${survey.slug}-wyniki.csv"` },
  });
}
