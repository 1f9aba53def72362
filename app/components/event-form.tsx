import { Form, useNavigation } from "@remix-run/react";
import { t } from "../../domain/i18n";
import { CsrfInput } from "./csrf-input";
import { ErrorSummary, Field, Select, TextArea } from "./field";

export type EventFormValues = Record<string, unknown> & { areas?: string[] };

type Props = {
  values: EventFormValues;
  errors?: Record<string, string>;
  formError?: string;
  areas: { slug: string; name: string }[];
  series: { id: number; title: string }[];
};

/** The moderator's create/edit form; times are Warsaw wall-clock in datetime-local fields. */
export function EventForm({ values, errors = {}, formError, areas, series }: Props) {
  const busy = useNavigation().state === "submitting";
  const v = (k: string) => (values[k] == null ? "" : String(values[k]));
  const chosen = new Set(values.areas ?? []);
  return (
    <>
      <ErrorSummary errors={errors} formError={formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <Field label={t.events.form.title} name="title" required defaultValue={v("title")} error={errors.title} />
        <Field label={t.events.form.slug} name="slug" defaultValue={v("slug")} hint={t.events.form.slugHint} error={errors.slug} />
        <TextArea label={t.events.form.description} name="description" required defaultValue={v("description")} error={errors.description} rows={8} />
        <Select label={t.events.form.kind} name="kind" required defaultValue={v("kind") || "seminar"} error={errors.kind}>
          {Object.entries(t.events.kinds).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <Select label={t.events.form.format} name="format" required defaultValue={v("format") || "online"} error={errors.format}>
          {Object.entries(t.events.formats).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <Select label={t.events.form.series} name="seriesId" defaultValue={v("seriesId")} error={errors.seriesId}>
          <option value="">{t.events.form.noSeries}</option>
          {series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </Select>
        <Field label={t.events.form.startsAt} name="startsAt" type="datetime-local" required defaultValue={v("startsAt")} error={errors.startsAt} />
        <Field label={t.events.form.endsAt} name="endsAt" type="datetime-local" required defaultValue={v("endsAt")} error={errors.endsAt} />
        <Field label={t.events.form.place} name="place" defaultValue={v("place")} hint={t.events.form.placeHint} error={errors.place} />
        <Field label={t.events.form.joinUrl} name="joinUrl" type="url" defaultValue={v("joinUrl")} error={errors.joinUrl} />
        <Field label={t.events.form.capacity} name="capacity" type="number" min={1} defaultValue={v("capacity")} hint={t.events.form.capacityHint} error={errors.capacity} />
        <Field label={t.events.form.reminders} name="reminders" inputMode="numeric" defaultValue={v("reminders")} hint={t.events.form.remindersHint} error={errors.reminders} />
        <fieldset>
          <legend>{t.events.form.areas}</legend>
          {areas.map((a) => (
            <div key={a.slug} className="checkbox-row">
              <input type="checkbox" id={`area-${a.slug}`} name="areas[]" value={a.slug} defaultChecked={chosen.has(a.slug)} />
              <label htmlFor={`area-${a.slug}`}>{a.name}</label>
            </div>
          ))}
        </fieldset>
        <button type="submit" className="primary" disabled={busy}>
          {t.events.form.save}
        </button>
      </Form>
    </>
  );
}
