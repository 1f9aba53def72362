import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field } from "~/components/field";
import { InputError, isNamedError, signupLinkSchema } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";

const s = t.surveyInvitations.signup;

export const meta: MetaFunction = () => [
  { title: `${s.title} — ${t.common.appName}` },
  // The token is in the URL: keep it out of Referer headers sent to other sites.
  { name: "referrer", content: "no-referrer" },
];

/** A survey's personal sign-up link (issue 13): the city is the token's, shown fixed; a used or expired link is refused. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/konto");
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const link = await context.services.surveys.invitations.signupLink(token);
  if (!link.ok) return json({ token: null, link }, { status: link.reason === "invalid" ? 404 : 410 });
  return json({ token, link });
}

type ActionData = { ok: true; surveySlug: string } | FormFailure;

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = formToObject(form);
  // The same limit as the ordinary registration form.
  const limit = await context.services.limiter.hit(`register:ip:${context.clientIp}`, 20, 3600_000);
  if (!limit.allowed) return badForm({ fieldErrors: {}, formError: t.common.errors.rateLimited(Math.ceil(limit.retryAfterMs / 60_000)), values }, 429);
  const parsed = validate(signupLinkSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  try {
    const { surveySlug } = await context.services.surveys.invitations.registerWithLink(parsed.data, { ip: context.clientIp });
    return json<ActionData>({ ok: true, surveySlug });
  } catch (error) {
    if (isNamedError(error, InputError)) {
      const status = error.field === "token" ? 410 : 409;
      return badForm({ fieldErrors: error.field === "token" ? {} : { [error.field]: error.message }, formError: error.field === "token" ? error.message : undefined, values }, status);
    }
    throw error;
  }
}

export default function SurveySignup() {
  const { token, link } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const failure = data && !data.ok ? data : undefined;
  const e = failure?.fieldErrors ?? {};
  const v = (k: string) => String(failure?.values?.[k] ?? "");
  if (data?.ok)
    return (
      <section aria-labelledby="signup-title">
        <h1 id="signup-title">{s.title}</h1>
        <p className="notice notice-ok" role="status">
          {s.done}
        </p>
        <Link to={`/login?next=${encodeURIComponent(`/ankiety/${data.surveySlug}`)}`} className="button">
          {t.auth.login.submit}
        </Link>
      </section>
    );
  if (!link.ok || !token)
    return (
      <section aria-labelledby="signup-title">
        <h1 id="signup-title">{s.title}</h1>
        <p className="notice notice-warn">{link.ok ? s.invalid : s[link.reason]}</p>
        <Link to="/login">{t.auth.login.submit}</Link>
      </section>
    );
  return (
    <section aria-labelledby="signup-title">
      <h1 id="signup-title">{s.title}</h1>
      <p>{s.intro(link.cityName, link.surveyTitle)}</p>
      <ErrorSummary errors={e} formError={failure?.formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        <Field label={s.city} name="cityName" value={link.cityName} readOnly aria-readonly="true" />
        <Field label={t.auth.register.name} name="name" autoComplete="name" required defaultValue={v("name")} error={e.name} />
        <Field label={t.auth.register.email} name="email" type="email" autoComplete="email" required defaultValue={v("email") || link.email} error={e.email} />
        <Field label={t.auth.register.password} name="password" type="password" autoComplete="new-password" required minLength={12} hint={t.auth.register.passwordHint} error={e.password} />
        <Field label={t.auth.register.position} name="position" autoComplete="organization-title" defaultValue={v("position")} error={e.position} />
        <button type="submit" className="primary" disabled={busy}>
          {s.submit}
        </button>
      </Form>
    </section>
  );
}
