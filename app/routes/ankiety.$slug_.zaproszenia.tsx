import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { ErrorSummary, Select, TextArea } from "~/components/field";
import { formatDate } from "~/lib/format";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";
import { notFound, permissionResponse, requirePermission } from "~/lib/guards.server";
import { InputError, inviteFormSchema, isNamedError, resendFormSchema } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const s = t.surveyInvitations;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${s.title(data.survey.title)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const [rows, voivodeships, networks] = await Promise.all([surveys.invitations.status(actor, survey), surveys.voivodeships(), context.services.networks.list()]);
  return json({
    survey: { slug: survey.slug, title: survey.title, respondent: survey.respondent, phase: survey.phase, closesAt: survey.closesAt },
    rows,
    reminders: surveys.invitations.reminderDates(survey),
    voivodeships,
    networks: networks.map((n) => ({ slug: n.slug, name: n.name })),
  });
}

type ActionData = { ok: true; message: string } | FormFailure;

export async function action({ params, request, context }: ActionFunctionArgs) {
  // Permission before reading the form: a member learns nothing from validation messages.
  const actor = requirePermission(context, request, "survey:manage");
  const surveys = context.services.surveys;
  const survey = await surveys.bySlug(params.slug ?? "");
  if (!survey) notFound();
  const form = await readForm(request, context);
  const values = formToObject(form);
  const intent = form.get("intent");
  try {
    if (intent === "invite") {
      const parsed = validate(inviteFormSchema, values);
      if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
      const outcome = await surveys.invitations.invite(actor, survey, parsed.data);
      return json<ActionData>({ ok: true, message: s.outcome(outcome) });
    }
    if (intent === "resend") {
      const parsed = validate(resendFormSchema, values);
      // The row's address field is named per city; its error is shown at the top, naming the problem.
      if (!parsed.ok) return badForm({ fieldErrors: {}, formError: Object.values(parsed.fieldErrors)[0] ?? t.common.errors.badRequestTitle, values });
      const outcome = await surveys.invitations.resend(actor, survey, parsed.data.city, parsed.data.email);
      return json<ActionData>({ ok: true, message: s.outcome(outcome) });
    }
    return badForm({ fieldErrors: {}, formError: t.common.errors.badRequestTitle, values });
  } catch (error) {
    if (isNamedError(error, InputError)) {
      const inForm = ["cities", "voivodeship", "size", "network"].includes(error.field);
      return badForm({ fieldErrors: inForm ? { [error.field]: error.message } : {}, formError: inForm ? undefined : error.message, values });
    }
    permissionResponse(error, request);
  }
}

export default function SurveyInvitationsPage() {
  const { survey, rows, reminders, voivodeships, networks } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const failure = data && !data.ok ? data : undefined;
  const e = failure?.fieldErrors ?? {};
  const v = (k: string) => String(failure?.values?.[k] ?? "");
  const scope = v("scope") || "individual";
  const invited = rows.filter((r) => r.invited);
  const submitted = invited.filter((r) => r.status === "submitted").length;
  const open = survey.respondent === "city" && survey.phase !== "closed";
  return (
    <article aria-labelledby="invitations-title">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{t.surveys.title}</Link> / <Link to={`/ankiety/${survey.slug}`}>{survey.title}</Link> / <Link to={`/ankiety/${survey.slug}/wyniki`}>{t.surveys.results.title(survey.title)}</Link>
      </p>
      <h1 id="invitations-title">{s.title(survey.title)}</h1>
      <div aria-live="polite">
        {data?.ok ? (
          <p className="notice notice-ok" role="status">
            {data.message}
          </p>
        ) : null}
      </div>
      <ErrorSummary errors={e} formError={failure?.formError} />
      <p>{s.intro}</p>
      {survey.respondent !== "city" ? <p className="notice notice-warn">{s.onlyCitySurvey}</p> : null}
      {survey.respondent === "city" && survey.phase === "closed" ? <p className="notice notice-warn">{s.errors.closed}</p> : null}
      {open ? <p>{s.reminders(reminders.map(formatDate), formatDate(survey.closesAt))}</p> : null}

      {open ? (
        <section aria-labelledby="invite-h" className="card">
          <h2 id="invite-h">{s.form.title}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <fieldset>
              <legend>{s.form.scope}</legend>
              {(["all", "voivodeship", "size", "network", "individual"] as const).map((k) => (
                <div key={k}>
                  <input type="radio" id={`scope-${k}`} name="scope" value={k} defaultChecked={scope === k} />{" "}
                  <label htmlFor={`scope-${k}`}>{s.form[k]}</label>
                </div>
              ))}
            </fieldset>
            <Select label={s.form.voivodeshipLabel} name="voivodeship" defaultValue={v("voivodeship")} error={e.voivodeship}>
              <option value="">—</option>
              {voivodeships.map((w) => (
                <option key={w} value={w}>
                  {w}
                </option>
              ))}
            </Select>
            <Select label={s.form.sizeLabel} name="size" defaultValue={v("size")} error={e.size}>
              <option value="">—</option>
              {(["small", "medium", "large"] as const).map((k) => (
                <option key={k} value={k}>
                  {t.common.sizeClasses[k]}
                </option>
              ))}
            </Select>
            <Select label={s.form.networkLabel} name="network" defaultValue={v("network")} error={e.network}>
              <option value="">—</option>
              {networks.map((n) => (
                <option key={n.slug} value={n.slug}>
                  {n.name}
                </option>
              ))}
            </Select>
            <TextArea label={s.form.citiesLabel} name="cities" rows={4} hint={s.form.citiesHint} defaultValue={v("cities")} error={e.cities} />
            <p className="field-hint">{s.form.alreadyNote}</p>
            <button type="submit" name="intent" value="invite" className="primary">
              {s.form.submit}
            </button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="status-h">
        <h2 id="status-h">{s.statusTitle}</h2>
        <p>{s.summary(invited.length, submitted, invited.length - submitted)}</p>
        <DataTable
          caption={s.table.caption}
          rows={rows}
          rowKey={(r) => r.cityId}
          empty={s.table.empty}
          columns={[
            { header: s.table.city, rowHeader: true, cell: (r) => <Link to={`/miasta/${r.slug}`}>{r.name}</Link> },
            { header: s.table.status, cell: (r) => (r.invited ? s.table.states[r.status] : `${s.table.states[r.status]} (${s.table.notInvited})`) },
            { header: s.table.submitted, cell: (r) => (r.submittedAt ? s.table.submittedBy(r.submittedByName ?? "—", formatDate(r.submittedAt)) : null) },
            { header: s.table.reps, cell: (r) => (r.invited ? (r.reps ? s.table.repCount(r.reps) : s.table.noReps) : null) },
            { header: s.table.lastSent, cell: (r) => (r.invited ? (r.lastSentAt ? formatDate(r.lastSentAt) : s.table.notSent) : null) },
          ]}
          actions={
            open
              ? {
                  header: s.table.actions,
                  cell: (r) =>
                    r.invited && r.status !== "submitted" ? (
                      <Form method="post" className="inline-form">
                        <CsrfInput />
                        <input type="hidden" name="city" value={r.cityId} />
                        {r.reps ? (
                          <button type="submit" name="intent" value="resend" aria-label={s.table.resend(r.name)}>
                            {s.table.resendShort}
                          </button>
                        ) : (
                          <>
                            <label htmlFor={`email-${r.cityId}`} className="visually-hidden">
                              {s.table.contact(r.name)}
                            </label>
                            <input id={`email-${r.cityId}`} type="email" name="email" autoComplete="off" defaultValue={r.contactEmail ?? ""} />{" "}
                            <button type="submit" name="intent" value="resend" aria-label={`${s.table.sendLink}: ${r.name}`}>
                              {s.table.sendLink}
                            </button>
                          </>
                        )}
                      </Form>
                    ) : null,
                }
              : undefined
          }
        />
      </section>
    </article>
  );
}
