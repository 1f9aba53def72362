import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can, InputError, isNamedError } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { SurveyQuestionResult } from "~/components/survey-chart";
import { SurveyMergeTopics } from "~/components/survey-merge-topics";
import { readForm } from "~/lib/forms.server";
import { actorOf, notFound, permissionResponse } from "~/lib/guards.server";
import { readableSurveyResults } from "~/lib/survey-results.server";
import { t } from "../../domain/i18n";
import { seedAreas } from "../../domain/thematic-areas";

const s = t.surveys;
const b = t.surveyBuilder;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${s.results.title(data.survey.title)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const surveys = context.services.surveys;
  const { survey, actor, url, filter, rows, ...results } = await readableSurveyResults(params.slug, request, context);
  const staff = can(actor, "survey:manage");
  const events = staff ? (await surveys.upcomingEvents()).map((e) => ({ slug: e.slug, title: e.title })) : [];
  const merged = staff ? await surveys.topics(actor, survey) : [];
  const topics = survey.questions
    .filter((q) => q.topics)
    .flatMap((q) => (q.options ?? []).map((o) => ({ id: o.id, label: o.label, backers: (results.questions.find((r) => r.id === q.id)?.backers as Record<string, string[]>)[o.id]?.length ?? 0 })))
    // Topics merged from open answers are proposed like options.
    .concat(merged.map((m) => ({ id: m.optionId, label: m.label, backers: m.cities.length })));
  const openQuestions = staff
    ? survey.questions.filter((q) => q.type === "text").map((q) => ({ id: q.id, text: q.text, answers: results.questions.find((r) => r.id === q.id)?.answers ?? [] }))
    : [];
  return json({
    survey,
    results,
    cityNames: Object.fromEntries(rows.map((r) => [r.citySlug, r.cityName])),
    voivodeships: await surveys.voivodeships(),
    networks: await surveys.networks(),
    filter,
    query: url.search,
    staff,
    events,
    topics: topics.sort((a, b) => b.backers - a.backers),
    merged,
    openQuestions,
  });
}

type ActionData = { ok: boolean; message: string };

export async function action({ params, request, context }: ActionFunctionArgs) {
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const form = await readForm(request, context);
  const intent = form.get("intent");
  if (intent === "merge") {
    const input = { question: String(form.get("question") ?? ""), label: String(form.get("label") ?? ""), area: String(form.get("area") ?? ""), answers: form.getAll("answer").map(String) };
    try {
      await surveys.mergeTopic(actorOf(context), survey, input);
      return json<ActionData>({ ok: true, message: s.merge.done(input.label.trim(), new Set(input.answers).size) });
    } catch (error) {
      if (isNamedError(error, InputError)) return json<ActionData>({ ok: false, message: error.message }, { status: 400 });
      permissionResponse(error, request);
    }
  }
  if (intent === "delete-topic") {
    try {
      const removed = await surveys.deleteTopic(actorOf(context), survey, Number(form.get("topic")) || 0);
      return json<ActionData>(removed ? { ok: true, message: s.merge.removed } : { ok: false, message: s.merge.errors.unknownTopic }, { status: removed ? 200 : 400 });
    } catch (error) {
      permissionResponse(error, request);
    }
  }
  if (intent !== "propose") return json<ActionData>({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
  const event = String(form.get("event") ?? "");
  const options = form.getAll("option").filter((o): o is string => typeof o === "string" && o !== "");
  if (!options.length) return json<ActionData>({ ok: false, message: s.errors.noOptions }, { status: 400 });
  try {
    const outcome = await surveys.propose(actorOf(context), survey, event, options);
    if (!outcome) return json<ActionData>({ ok: false, message: s.errors.noEvent }, { status: 400 });
    return json<ActionData>({ ok: true, message: s.propose.done(outcome.added.length, outcome.existing.length) });
  } catch (error) {
    permissionResponse(error, request);
  }
}

export default function SurveyResultsPage() {
  const { survey, results, cityNames, voivodeships, networks, filter, query, staff, events, topics, merged, openQuestions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <article aria-labelledby="results-title" className="survey-results">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{s.title}</Link> / <Link to={`/ankiety/${survey.slug}`}>{survey.title}</Link>
      </p>
      <h1 id="results-title">{s.results.title(survey.title)}</h1>
      <div aria-live="polite">
        {actionData ? (
          <p className={`notice ${actionData.ok ? "notice-ok" : "notice-warn"}`} role={actionData.ok ? "status" : "alert"}>
            {actionData.message}
          </p>
        ) : null}
      </div>
      <p>{survey.respondent === "city" ? s.results.responses(results.responses) : s.results.responsesPeople(results.responses)}</p>
      <Form method="get" className="filters" aria-labelledby="filters-h">
        <h2 id="filters-h" className="visually-hidden">
          {s.results.filters}
        </h2>
        <label htmlFor="woj">{s.results.voivodeship}</label>{" "}
        <select id="woj" name="woj" defaultValue={filter.voivodeship ?? ""}>
          <option value="">{s.results.allVoivodeships}</option>
          {voivodeships.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>{" "}
        <label htmlFor="wielkosc">{s.results.sizeClass}</label>{" "}
        <select id="wielkosc" name="wielkosc" defaultValue={filter.sizeClass ?? ""}>
          <option value="">{s.results.allSizes}</option>
          {(["small", "medium", "large"] as const).map((k) => (
            <option key={k} value={k}>
              {t.common.sizeClasses[k]}
            </option>
          ))}
        </select>{" "}
        <label htmlFor="siec">{b.network}</label>{" "}
        <select id="siec" name="siec" defaultValue={filter.network ?? ""}>
          <option value="">{b.allNetworks}</option>
          {networks.map((n) => (
            <option key={n.slug} value={n.slug}>
              {n.name}
            </option>
          ))}
        </select>{" "}
        <button type="submit">{s.results.apply}</button>
      </Form>
      <p>
        <a href={`/ankiety/${survey.slug}/wyniki.csv${query}`} download>
          {s.results.exportCsv}
        </a>
        {" · "}
        <a href={`/ankiety/${survey.slug}/wyniki.xlsx${query}`} download>
          {b.exportXlsx}
        </a>
        {staff ? (
          <>
            {" · "}
            <a href={`/ankiety/${survey.slug}.json`} download>
              {s.results.exportJson}
            </a>
            {" · "}
            <Link to={`/ankiety/${survey.slug}/edycja`}>{b.editIt}</Link>
            {survey.respondent === "city" ? (
              <>
                {" · "}
                <Link to={`/ankiety/${survey.slug}/zaproszenia`}>{t.surveyInvitations.linkFromResults}</Link>
              </>
            ) : null}
          </>
        ) : null}
      </p>
      {results.responses === 0 ? <p className="empty-state">{s.results.nobody}</p> : null}
      {survey.questions.map((q) => {
        const r = results.questions.find((x) => x.id === q.id);
        return r ? <SurveyQuestionResult key={q.id} q={q} r={r} cityNames={cityNames} /> : null;
      })}
      {staff ? <SurveyMergeTopics questions={openQuestions} topics={merged} areas={seedAreas.map((a) => ({ slug: a.slug, name: a.name }))} /> : null}
      {staff && topics.length ? (
        <section aria-labelledby="propose-h" className="card">
          <h2 id="propose-h">{s.propose.title}</h2>
          <p>{s.propose.intro}</p>
          {events.length ? (
            <Form method="post">
              <CsrfInput />
              <input type="hidden" name="intent" value="propose" />
              <div className="field">
                <label htmlFor="event">{s.propose.event}</label>
                <select id="event" name="event" required>
                  {events.map((e) => (
                    <option key={e.slug} value={e.slug}>
                      {e.title}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset>
                <legend>{s.propose.options}</legend>
                <ul className="plain-list">
                  {topics.map((o) => (
                    <li key={o.id}>
                      <label>
                        <input type="checkbox" name="option" value={o.id} /> {o.label} ({s.results.cityCount(o.backers)})
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <button type="submit" className="primary">
                {s.propose.submit}
              </button>
            </Form>
          ) : (
            <p>{s.propose.noEvents}</p>
          )}
        </section>
      ) : null}
    </article>
  );
}
