import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { AuthError, isNamedError, resetRequestSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field } from "~/components/field";
import { t } from "../../domain/i18n";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.reset.requestTitle} — ${t.common.appName}` }];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = formToObject(form);
  const parsed = validate(resetRequestSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  try {
    await context.services.auth.requestReset(parsed.data.email, context.origin, context.clientIp);
  } catch (error) {
    if (isNamedError(error, AuthError)) return badForm({ fieldErrors: {}, formError: error.message, values }, error.status);
    throw error;
  }
  // The same answer whether or not the account exists, so the form cannot be used to discover accounts.
  return json({ ok: true as const });
}

export default function ResetRequest() {
  const data = useActionData<typeof action>() as FormFailure | { ok: true } | undefined;
  const failure = data && !data.ok ? data : undefined;
  return (
    <section aria-labelledby="reset-title">
      <h1 id="reset-title">{t.auth.reset.requestTitle}</h1>
      {data?.ok ? (
        <p className="notice notice-ok" role="status">
          {t.auth.reset.requestSent}
        </p>
      ) : (
        <>
          <p>{t.auth.reset.requestIntro}</p>
          <ErrorSummary errors={failure?.fieldErrors} formError={failure?.formError} />
          <Form method="post" className="stack" noValidate>
            <CsrfInput />
            <Field label={t.auth.reset.email} name="email" type="email" autoComplete="email" required defaultValue={String(failure?.values?.email ?? "")} error={failure?.fieldErrors.email} />
            <button type="submit" className="primary">
              {t.auth.reset.requestSubmit}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}
