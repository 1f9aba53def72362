import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { AuthError, isNamedError, registerSchema } from "~/lib/server-modules.server";
import { CityField } from "~/components/city-field";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field, Select } from "~/components/field";
import { t } from "../../domain/i18n";
import { resolveCityField } from "~/lib/city-field.server";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.register.title} — ${t.common.appName}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/konto");
  // No town list: the city field asks /miasta/podpowiedzi as the person types (issue 12).
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = formToObject(form);
  const limit = await context.services.limiter.hit(`register:ip:${context.clientIp}`, 20, 3600_000);
  if (!limit.allowed) return badForm({ fieldErrors: {}, formError: t.common.errors.rateLimited(Math.ceil(limit.retryAfterMs / 60_000)), values }, 429);
  const parsed = validate(registerSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  const city = await resolveCityField(context, parsed.data);
  if (!city.ok) return badForm({ fieldErrors: { city: city.message }, values });
  try {
    await context.services.auth.register({ ...parsed.data, cityId: city.cityId }, { ip: context.clientIp, baseUrl: context.origin });
    // The same answer for a new and an already registered address (the owner of the latter gets a mail instead).
    // The city note says the stated city waits for ZMP's confirmation (it is the person's own input: nothing leaks).
    return redirect(city.cityId !== null ? "/login?rejestracja=1&miasto=1" : "/login?rejestracja=1");
  } catch (error) {
    if (isNamedError(error, AuthError)) return badForm({ fieldErrors: error.field ? { [error.field]: error.message } : {}, formError: error.field ? undefined : error.message, values }, error.status);
    throw error;
  }
}

export default function Register() {
  const data = useActionData<typeof action>() as FormFailure | undefined;
  const busy = useNavigation().state === "submitting";
  const v = (k: string) => String(data?.values?.[k] ?? "");
  const e = data?.fieldErrors ?? {};
  return (
    <section aria-labelledby="register-title">
      <h1 id="register-title">{t.auth.register.title}</h1>
      <p>{t.auth.register.intro}</p>
      <ErrorSummary errors={e} formError={data?.formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <Field label={t.auth.register.name} name="name" autoComplete="name" required defaultValue={v("name")} error={e.name} />
        <Field label={t.auth.register.email} name="email" type="email" autoComplete="email" required defaultValue={v("email")} error={e.email} />
        <Field label={t.auth.register.password} name="password" type="password" autoComplete="new-password" required minLength={12} hint={t.auth.register.passwordHint} error={e.password} />
        <Select label={t.auth.register.affiliation} name="affiliation" required defaultValue={v("affiliation") || "city"} error={e.affiliation}>
          {Object.entries(t.common.affiliations).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <CityField label={t.auth.register.city} name="city" defaultValue={v("city")} error={e.city} hint={t.auth.register.cityHint} />
        <Field label={t.auth.register.position} name="position" autoComplete="organization-title" defaultValue={v("position")} error={e.position} />
        <button type="submit" className="primary" disabled={busy}>
          {t.auth.register.submit}
        </button>
      </Form>
      <p>
        {t.auth.register.haveAccount} <Link to="/login">{t.auth.login.submit}</Link>
      </p>
    </section>
  );
}
