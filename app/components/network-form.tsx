import { Form } from "@remix-run/react";
import { t } from "../../domain/i18n";
import { CityField } from "./city-field";
import { CsrfInput } from "./csrf-input";
import { Field, Select, TextArea } from "./field";

const S = t.networks.staff;

export type NetworkFormValues = { name: string; slug: string; description: string; areas: string[]; leaderCity: string; status: string; startYear: string; endYear: string };

/** The staff form that creates or edits a network: plain HTML, errors beside their fields. */
export function NetworkForm({ values, errors = {}, areas, submit }: { values: NetworkFormValues; errors?: Record<string, string>; areas: { slug: string; name: string }[]; submit: string }) {
  const chosen = new Set(values.areas);
  return (
    <Form method="post" className="stack" aria-label={submit}>
      <CsrfInput />
      <input type="hidden" name="intent" value="network" />
      <Field label={S.name} name="name" required minLength={3} maxLength={200} defaultValue={values.name} error={errors.name} />
      <Field label={S.slug} name="slug" maxLength={120} pattern="[a-z0-9\-]*" defaultValue={values.slug} hint={S.slugHint} error={errors.slug} />
      <TextArea label={S.description} name="description" required minLength={10} maxLength={5000} rows={5} defaultValue={values.description} error={errors.description} />
      <fieldset aria-describedby={errors.areas ? "areas-error" : undefined}>
        <legend>{S.areas}</legend>
        {areas.map((a) => (
          <div key={a.slug} className="checkbox-row">
            <input type="checkbox" id={`area-${a.slug}`} name="areas[]" value={a.slug} defaultChecked={chosen.has(a.slug)} />
            <label htmlFor={`area-${a.slug}`}>{a.name}</label>
          </div>
        ))}
        {errors.areas ? (
          <p id="areas-error" className="field-error" role="alert">
            {errors.areas}
          </p>
        ) : null}
      </fieldset>
      <CityField label={S.leaderCity} name="leaderCity" defaultValue={values.leaderCity} error={errors.leaderCity} />
      <Select label={S.status} name="status" required defaultValue={values.status} error={errors.status}>
        {(["active", "closed"] as const).map((s) => (
          <option key={s} value={s}>
            {t.networks.statuses[s]}
          </option>
        ))}
      </Select>
      <Field label={S.startYear} name="startYear" type="number" required min={2000} max={2100} defaultValue={values.startYear} error={errors.startYear} />
      <Field label={S.endYear} name="endYear" type="number" min={2000} max={2100} defaultValue={values.endYear} error={errors.endYear} />
      <button type="submit" className="primary">
        {submit}
      </button>
    </Form>
  );
}

/** Form values from what was sent (after a refused submit), so nothing typed is lost. */
export function networkFormValues(v: Record<string, unknown>): NetworkFormValues {
  const str = (k: string) => (typeof v[k] === "string" ? (v[k] as string) : "");
  return { name: str("name"), slug: str("slug"), description: str("description"), areas: Array.isArray(v.areas) ? (v.areas as string[]) : [], leaderCity: str("leaderCity"), status: str("status") || "active", startYear: str("startYear"), endYear: str("endYear") };
}
