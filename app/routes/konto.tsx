import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { AuthError, changePasswordSchema, isNamedError, profileSchema } from "~/lib/server-modules.server";
import { CityField } from "~/components/city-field";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field, Select } from "~/components/field";
import { t } from "../../domain/i18n";
import { resolveCityField } from "~/lib/city-field.server";
import { formatDate } from "~/lib/format";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";
import { actorOf, requireUser } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.account.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  const { users, cities: directory } = context.services;
  const [profile, calendarSince, claim] = await Promise.all([users.byId(user.id), context.services.events.calendar.tokenCreatedAt(actorOf(context)), context.services.cityClaims.latest(user.id)]);
  if (!profile) throw new Response("Not found", { status: 404 });
  // Only the chosen town's name goes to the page; the city field asks /miasta/podpowiedzi for others (issue 12).
  const city = await directory.fieldText(profile.cityId);
  // The claim shown is the one for the city the profile states now (older ones are history).
  const current = claim && claim.cityId === profile.cityId ? claim : undefined;
  return json({
    profile: { name: profile.name, email: profile.email, role: profile.role, affiliation: profile.affiliation, city, position: profile.position },
    calendarSince,
    claim: current ? { cityName: current.cityName, status: current.status, reason: current.reason } : null,
    coordinator: user.cityCoordinator === 1 && user.cityId !== null,
  });
}

type ActionResult = (FormFailure & { form: string }) | { ok: true; form: string; message: string; calendarUrl?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await readForm(request, context);
  const intent = form.get("intent");
  const values = formToObject(form);
  if (intent === "profile") {
    const parsed = validate(profileSchema, values);
    if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values: { ...values, form: "profile" } });
    const city = await resolveCityField(context, parsed.data);
    if (!city.ok) return badForm({ fieldErrors: { city: city.message }, values: { ...values, form: "profile" } });
    const { name, affiliation, position } = parsed.data;
    // The claim service re-checks open connections (services.access) when the verified city changes.
    await context.services.cityClaims.updateProfile(user.id, { name, affiliation, cityId: city.cityId, position });
    return json({ ok: true, form: "profile", message: t.auth.account.saved });
  }
  if (intent === "calendar") {
    // The token is shown in this one response only; the database keeps its hash.
    const token = await context.services.events.calendar.resetToken(actorOf(context));
    return json({ ok: true, form: "calendar", message: t.events.personalCalendar.created, calendarUrl: `${context.origin}/kalendarz/${token}.ics` });
  }
  if (intent === "password") {
    const parsed = validate(changePasswordSchema, values);
    if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values: { form: "password" } });
    try {
      await context.services.auth.changePassword(user, parsed.data.currentPassword, parsed.data.newPassword);
    } catch (error) {
      if (isNamedError(error, AuthError)) return badForm({ fieldErrors: { [error.field ?? "currentPassword"]: error.message }, values: { form: "password" } });
      throw error;
    }
    return json({ ok: true, form: "password", message: t.auth.account.passwordChanged });
  }
  return json({ ok: false, fieldErrors: {}, formError: t.common.errors.badRequestTitle }, { status: 400 });
}

export default function Account() {
  const { profile, calendarSince, claim, coordinator } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const [params] = useSearchParams();
  const which = result && "form" in result ? result.form : (result as FormFailure | undefined)?.values?.form;
  const failure = result && !result.ok ? (result as FormFailure) : undefined;
  const profileErrors = which === "profile" ? failure?.fieldErrors : undefined;
  const passwordErrors = which === "password" ? failure?.fieldErrors : undefined;
  const v = (k: keyof typeof profile) => String((which === "profile" ? failure?.values?.[k] : undefined) ?? profile[k] ?? "");
  return (
    <>
      <h1>{t.auth.account.title}</h1>
      {params.get("witaj") ? <p className="notice notice-ok">{t.auth.account.welcome}</p> : null}
      {result?.ok && which !== "calendar" ? (
        <p className="notice notice-ok" role="status">
          {(result as { message: string }).message}
        </p>
      ) : null}
      <p>
        {profile.email} · {t.auth.account.role}: {t.common.roles[profile.role]}
      </p>
      {claim ? (
        <section aria-labelledby="city-claim-title" className={`notice ${claim.status === "accepted" ? "notice-ok" : "notice-warn"}`}>
          <h2 id="city-claim-title">{t.cityClaims.accountLabel}</h2>
          <p>{t.cityClaims.accountStatus(claim.cityName, t.cityClaims.status[claim.status])}</p>
          {claim.status === "pending" ? <p>{t.cityClaims.accountPendingHint}</p> : null}
          {claim.status === "rejected" && claim.reason ? <p>{t.cityClaims.accountRejectedReason(claim.reason)}</p> : null}
          {coordinator ? (
            <p>
              <Link to="/admin/miasta-zgloszenia">{t.cityClaims.accountQueueLink}</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t.auth.account.profile}</h2>
        <ErrorSummary errors={profileErrors} />
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="profile" />
          <Field label={t.auth.register.name} name="name" autoComplete="name" required defaultValue={v("name")} error={profileErrors?.name} />
          <Select label={t.auth.register.affiliation} name="affiliation" defaultValue={v("affiliation")} error={profileErrors?.affiliation}>
            {Object.entries(t.common.affiliations).map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </Select>
          <CityField label={t.auth.register.city} name="city" defaultValue={v("city")} error={profileErrors?.city} hint={claim?.status === "accepted" ? t.cityClaims.accountChangeWarning : t.auth.register.cityHint} />
          <Field label={t.auth.register.position} name="position" defaultValue={v("position")} error={profileErrors?.position} />
          <button type="submit" className="primary">
            {t.common.actions.save}
          </button>
        </Form>
      </section>
      <CalendarSection since={calendarSince} url={result?.ok ? (result as { calendarUrl?: string }).calendarUrl : undefined} />
      <section aria-labelledby="password-title">
        <h2 id="password-title">{t.auth.account.changePassword}</h2>
        <ErrorSummary errors={passwordErrors} />
        <Form method="post" className="stack" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="password" />
          <input type="hidden" name="username" autoComplete="username" value={profile.email} />
          <Field label={t.auth.account.currentPassword} name="currentPassword" type="password" autoComplete="current-password" required error={passwordErrors?.currentPassword} />
          <Field label={t.auth.account.newPassword} name="newPassword" type="password" autoComplete="new-password" required hint={t.auth.register.passwordHint} error={passwordErrors?.newPassword} />
          <button type="submit" className="primary">
            {t.auth.account.changePassword}
          </button>
        </Form>
      </section>
    </>
  );
}

function CalendarSection({ since, url }: { since: string | null; url: string | undefined }) {
  const c = t.events.personalCalendar;
  return (
    <section aria-labelledby="calendar-title">
      <h2 id="calendar-title">{c.heading}</h2>
      <p>{c.intro}</p>
      {url ? (
        <div className="notice notice-ok" role="status">
          <p>{c.created}</p>
          <label htmlFor="calendar-url">{c.linkLabel}</label>
          <input id="calendar-url" type="text" readOnly value={url} className="input-wide" />
        </div>
      ) : (
        <p>{since ? c.since(formatDate(since)) : c.none}</p>
      )}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="calendar" />
        <button type="submit" className="button button-secondary">
          {since || url ? c.reset : c.create}
        </button>
      </Form>
    </section>
  );
}
