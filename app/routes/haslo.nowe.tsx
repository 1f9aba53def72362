import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { AuthError, isNamedError, resetSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field } from "~/components/field";
import { t } from "../../domain/i18n";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";

export const meta: MetaFunction = () => [
  { title: `${t.auth.reset.title} — ${t.common.appName}` },
  // The token is in the URL: keep it out of Referer headers sent to other sites.
  { name: "referrer", content: "no-referrer" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const valid = await context.services.auth.resetLinkValid(token);
  return json({ token: valid ? token : null });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = formToObject(form);
  const parsed = validate(resetSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  try {
    await context.services.auth.resetPassword(parsed.data.token, parsed.data.newPassword);
  } catch (error) {
    if (isNamedError(error, AuthError)) return badForm({ fieldErrors: {}, formError: error.message }, 400);
    throw error;
  }
  return json({ ok: true as const });
}

export default function NewPassword() {
  const { token } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as FormFailure | { ok: true } | undefined;
  const failure = data && !data.ok ? data : undefined;
  if (data?.ok)
    return (
      <section>
        <h1>{t.auth.reset.title}</h1>
        <p className="notice notice-ok" role="status">
          {t.auth.reset.done}
        </p>
        <Link to="/login" className="button">
          {t.auth.login.submit}
        </Link>
      </section>
    );
  if (!token)
    return (
      <section>
        <h1>{t.auth.reset.title}</h1>
        <p className="notice notice-warn">{t.auth.reset.invalidLink}</p>
        <Link to="/haslo/reset">{t.auth.reset.requestTitle}</Link>
      </section>
    );
  return (
    <section aria-labelledby="new-title">
      <h1 id="new-title">{t.auth.reset.title}</h1>
      <ErrorSummary errors={failure?.fieldErrors} formError={failure?.formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        <Field label={t.auth.reset.newPassword} name="newPassword" type="password" autoComplete="new-password" required hint={t.auth.register.passwordHint} error={failure?.fieldErrors.newPassword} />
        <button type="submit" className="primary">
          {t.auth.reset.submit}
        </button>
      </Form>
    </section>
  );
}
