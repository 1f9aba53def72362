import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";

const m = t.surveys.merge;

type OpenQuestion = { id: string; text: string; answers: { city: string; cityName: string; text: string }[] };
type MergedTopic = { id: number; questionId: string; label: string; cities: { slug: string; name: string }[] };

/**
 * Staff merge similar open answers into one topic: per text question, a plain form with a checkbox per city's answer,
 * the topic's label and an optional area. Works without JavaScript; the merged topics then appear in the propose form.
 */
export function SurveyMergeTopics({ questions, topics, areas }: { questions: OpenQuestion[]; topics: MergedTopic[]; areas: { slug: string; name: string }[] }) {
  // Topics are backed by cities: an answer of a person without a verified city cannot back one.
  const withAnswers = questions.map((q) => ({ ...q, answers: q.answers.filter((a) => a.city) })).filter((q) => q.answers.length);
  if (!withAnswers.length && !topics.length) return null;
  return (
    <section aria-labelledby="merge-h" className="card survey-merge">
      <h2 id="merge-h">{m.title}</h2>
      <p>{m.intro}</p>
      {withAnswers.map((q) => (
        <Form method="post" key={q.id} className="stack" aria-labelledby={`merge-${q.id}-legend`}>
          <CsrfInput />
          <input type="hidden" name="intent" value="merge" />
          <input type="hidden" name="question" value={q.id} />
          <fieldset>
            <legend id={`merge-${q.id}-legend`}>{m.answersOf(q.text)}</legend>
            <ul className="plain-list">
              {q.answers.map((a, i) => (
                <li key={i}>
                  <label>
                    <input type="checkbox" name="answer" value={a.city} /> <strong>{a.cityName}:</strong> {a.text}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div className="field">
            <label htmlFor={`merge-${q.id}-label`}>{m.label}</label>
            <input id={`merge-${q.id}-label`} name="label" required maxLength={300} />
          </div>
          <div className="field">
            <label htmlFor={`merge-${q.id}-area`}>{m.area}</label>
            <select id={`merge-${q.id}-area`} name="area" defaultValue="">
              <option value="">{m.noArea}</option>
              {areas.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{m.submit}</button>
        </Form>
      ))}
      {topics.length ? (
        <>
          <h3>{m.list}</h3>
          <ul className="plain-list">
            {topics.map((topic) => (
              <li key={topic.id}>
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="delete-topic" />
                  <input type="hidden" name="topic" value={topic.id} />
                  {m.topic(topic.label, topic.cities.length)}: {topic.cities.map((c) => c.name).join(", ")}{" "}
                  <button type="submit" className="button-small button-secondary">
                    {m.remove}
                    <span className="visually-hidden">: {topic.label}</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
