import { json } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import { t } from "../../domain/i18n";
import { actorOf, notFound, requireUser } from "./guards.server";
import { resultFilterFrom } from "./survey-filter";

/**
 * The survey of the route's slug and its results under the query's filters, for whoever may read them (staff; its
 * respondents once it closed): the one check behind the results page and its CSV and XLSX downloads. Throws 404 for
 * an unknown slug, a sign-in redirect for a visitor and 403 for anyone else.
 */
export async function readableSurveyResults(slug: string | undefined, request: Request, context: AppLoadContext) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(slug ?? "");
  if (!survey) notFound();
  const actor = actorOf(context);
  if (!(await surveys.resultsAccess(actor, survey))) {
    requireUser(context, request);
    throw json({ message: t.surveys.results.forbidden }, { status: 403 });
  }
  const url = new URL(request.url);
  const filter = resultFilterFrom(url);
  return { survey, actor, url, filter, ...(await surveys.results(actor, survey, filter)) };
}
