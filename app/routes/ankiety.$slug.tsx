import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { SurveyQuestionField } from "~/components/survey-question";
import { formatDate } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { actorOf, notFound } from "~/lib/guards.server";
import { t } from "../../domain/i18n";
import type { Answer, Answers } from "../../server/surveys/survey-answers.js";
import type { SurveyQuestion } from "../../server/surveys/survey-definition.js";

const s = t.surveys;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.survey.title} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const actor = actorOf(context);
  const answering = await surveys.answering(actor, survey);
  const results = await surveys.resultsAccess(actor, survey);
  return json({ survey, ...answering, results, signedIn: actor !== null, cityName: context.user?.cityName ?? null });
}

type ActionData = { message: string; errors?: Record<string, string>; values?: Answers; version?: number };

// The fields of the form as they came, so a refused form is shown again exactly as the person filled it in.
function rawAnswers(questions: SurveyQuestion[], entries: [string, string][]): Answers {
  const out: Answers = {};
  for (const q of questions) {
    if (q.type === "matrix") {
      const cells: Record<string, string> = {};
      for (const r of q.rows ?? []) {
        const v = entries.find(([k]) => k === `${q.id}.${r.id}`)?.[1];
        if (v) cells[r.id] = v;
      }
      out[q.id] = cells;
      continue;
    }
    const values = entries.filter(([k]) => k === q.id).map(([, v]) => v);
    if (!values.length) continue;
    out[q.id] = q.type === "multi" || q.type === "ranking" ? values : values[0];
  }
  return out;
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent") === "submit" ? "submit" : "save";
  const version = Number(form.get("version") ?? 0);
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string" && !["_csrf", "intent", "version"].includes(e[0]));
  const outcome = await surveys.save(actorOf(context), survey.slug, entries, intent, Number.isInteger(version) && version >= 0 ? version : -1);
  if (outcome.ok) return redirect(`/ankiety/${survey.slug}?zapisano=${outcome.status === "submitted" ? "wyslano" : "szkic"}`);
  switch (outcome.reason) {
    case "signIn":
      return json<ActionData>({ message: s.errors.signIn }, { status: 401 });
    case "noCity":
      return json<ActionData>({ message: s.errors.noCity }, { status: 403 });
    case "notOpen":
      return json<ActionData>({ message: s.errors.notOpen }, { status: 403 });
    case "closed":
      return json<ActionData>({ message: s.errors.closed }, { status: 403 });
    case "invalid":
      return json<ActionData>({ message: s.errors.fixBelow, errors: outcome.errors, values: rawAnswers(survey.questions, entries) }, { status: 400 });
    case "stale":
      return json<ActionData>({ message: s.errors.staleVersion, values: outcome.current, version: outcome.version }, { status: 409 });
  }
}

const when = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "long", timeStyle: "short" });

export default function SurveyPage() {
  const { survey, access, response, results, signedIn, cityName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const saved = params.get("zapisano");
  const values: Answers = actionData?.values ?? response?.answers ?? {};
  const version = actionData?.version ?? response?.version ?? 0;
  const disabled = !access.answer;
  const phaseLine = survey.phase === "open" ? s.openUntil(formatDate(survey.closesAt)) : survey.phase === "closed" ? s.closedOn(formatDate(survey.closesAt)) : s.opensOn(formatDate(survey.opensAt));
  // The form is keyed by its version so a refused stale form is redrawn with the current answers.
  return (
    <article aria-labelledby="survey-title" className="survey">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{s.title}</Link>
      </p>
      <h1 id="survey-title">{survey.title}</h1>
      <p className="card-meta">
        {phaseLine} · {survey.respondent === "city" ? s.respondentCity : s.respondentPerson}
      </p>
      {survey.intro ? <p>{survey.intro}</p> : null}
      {results ? (
        <p>
          <Link to={`/ankiety/${survey.slug}/wyniki`}>{s.results.title(survey.title)}</Link>
        </p>
      ) : null}
      <div aria-live="polite">
        {saved ? <p className="notice notice-ok">{saved === "wyslano" ? s.submitted : s.saved}</p> : null}
        {actionData?.message ? (
          <p className="notice notice-warn" role="alert">
            {actionData.message}
          </p>
        ) : null}
      </div>
      {survey.phase === "open" && !access.answer ? (
        <p className="notice" role="note">
          {signedIn ? s.errors.noCity : s.errors.signIn} {!signedIn ? <Link to={`/login?next=/ankiety/${survey.slug}`}>{t.auth.login.title}</Link> : null}
        </p>
      ) : null}
      {access.answer && survey.respondent === "city" && cityName ? <p className="card-meta">{s.answerFor(cityName)}</p> : null}
      {response ? (
        <p className="card-meta">
          {response.status === "submitted" && response.submittedAt
            ? s.status.submitted(response.submittedByName ?? "—", when.format(new Date(response.submittedAt)))
            : s.status.draft(response.updatedByName ?? "—", when.format(new Date(response.updatedAt)))}
        </p>
      ) : access.answer && survey.respondent === "city" ? (
        <p className="card-meta">{s.status.none}</p>
      ) : null}
      <Form method="post" key={version} className="survey-form">
        <CsrfInput />
        <input type="hidden" name="version" value={version} />
        {survey.questions.map((q) => (
          <SurveyQuestionField key={q.id} q={q} value={values[q.id] as Answer | undefined} error={actionData?.errors?.[q.id]} disabled={disabled} />
        ))}
        {access.answer ? (
          <div className="form-actions">
            <button type="submit" name="intent" value="submit" className="primary">
              {s.submit}
            </button>{" "}
            <button type="submit" name="intent" value="save">
              {s.save}
            </button>
          </div>
        ) : null}
      </Form>
    </article>
  );
}
