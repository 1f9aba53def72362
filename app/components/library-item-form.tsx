import { Form, useNavigation } from "@remix-run/react";
import { t } from "../../domain/i18n";
import { CityField } from "./city-field";
import { CsrfInput } from "./csrf-input";
import { ErrorSummary, Field, Select, TextArea } from "./field";

const F = t.library.editor.fields;

export type LibraryFormValues = Record<string, unknown> & { areas?: string[] };
export type LibraryFormOptions = {
  staff: boolean;
  areas: { slug: string; name: string }[];
  events: { slug: string; title: string }[];
  ownCityName: string | null;
};

/** The create/edit form. Members propose a good practice of their own city, so kind and city are fixed for them. */
export function LibraryItemForm({ values, errors = {}, formError, options, submitLabel }: { values: LibraryFormValues; errors?: Record<string, string>; formError?: string; options: LibraryFormOptions; submitLabel: string }) {
  const busy = useNavigation().state === "submitting";
  const v = (k: string) => (values[k] == null ? "" : Array.isArray(values[k]) ? (values[k] as string[]).join(", ") : String(values[k]));
  const chosen = new Set(values.areas ?? []);
  return (
    <>
      <ErrorSummary errors={errors} formError={formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        {options.staff ? (
          <Select label={F.kind} name="kind" required defaultValue={v("kind") || "publication"} error={errors.kind}>
            {Object.entries(t.library.kinds).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
        ) : (
          <>
            <input type="hidden" name="kind" value="good_practice" />
            <p>
              <strong>{F.kind}:</strong> {t.library.kinds.good_practice} · <strong>{F.city}:</strong> {options.ownCityName}
            </p>
          </>
        )}
        <Field label={F.title} name="title" required defaultValue={v("title")} error={errors.title} />
        <Field label={F.slug} name="slug" defaultValue={v("slug")} hint={F.slugHint} error={errors.slug} />
        <TextArea label={F.summary} name="summary" defaultValue={v("summary")} error={errors.summary} rows={3} />
        <TextArea label={F.body} name="body" defaultValue={v("body")} hint={F.bodyHint} error={errors.body} rows={12} />
        <fieldset>
          <legend>{F.areas}</legend>
          {options.areas.map((a) => (
            <div key={a.slug} className="checkbox-row">
              <input type="checkbox" id={`area-${a.slug}`} name="areas[]" value={a.slug} defaultChecked={chosen.has(a.slug)} />
              <label htmlFor={`area-${a.slug}`}>{a.name}</label>
            </div>
          ))}
        </fieldset>
        <Field label={F.tags} name="tags" defaultValue={v("tags")} hint={F.tagsHint} error={errors.tags} />
        <Field label={F.authors} name="authors" defaultValue={v("authors")} hint={F.authorsHint} error={errors.authors} />
        {options.staff ? (
          <>
            <CityField label={F.city} name="city" defaultValue={v("city")} error={errors.city} />
            <Select label={F.event} name="event" defaultValue={v("event")} error={errors.event}>
              <option value="">{F.noEvent}</option>
              {options.events.map((e) => (
                <option key={e.slug} value={e.slug}>
                  {e.title}
                </option>
              ))}
            </Select>
          </>
        ) : null}
        <Field label={F.year} name="year" inputMode="numeric" defaultValue={v("year")} error={errors.year} />
        <Field label={F.publishedOn} name="publishedOn" type="date" defaultValue={v("publishedOn")} error={errors.publishedOn} />
        <Field label={F.externalUrl} name="externalUrl" type="url" defaultValue={v("externalUrl")} error={errors.externalUrl} />
        {options.staff ? (
          <>
            <Field label={F.videoUrl} name="videoUrl" type="url" defaultValue={v("videoUrl")} error={errors.videoUrl} />
            <Field label={F.durationMinutes} name="durationMinutes" inputMode="numeric" defaultValue={v("durationMinutes")} error={errors.durationMinutes} />
          </>
        ) : null}
        <fieldset>
          <legend>{t.library.editor.goodPracticeSection}</legend>
          <TextArea label={F.problem} name="problem" defaultValue={v("problem")} error={errors.problem} rows={3} />
          <TextArea label={F.solution} name="solution" defaultValue={v("solution")} error={errors.solution} rows={4} />
          <TextArea label={F.results} name="results" defaultValue={v("results")} error={errors.results} rows={3} />
          <TextArea label={F.costAndFunding} name="costAndFunding" defaultValue={v("costAndFunding")} error={errors.costAndFunding} rows={2} />
          <Field label={F.period} name="period" defaultValue={v("period")} error={errors.period} />
          <Field label={F.contact} name="contact" defaultValue={v("contact")} error={errors.contact} />
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </Form>
    </>
  );
}
