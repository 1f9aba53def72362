import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { AuthError, isNamedError, loginSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, Field } from "~/components/field";
import { t } from "../../domain/i18n";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";
import { safeNext, setSessionCookie } from "~/lib/session.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.login.title} — ${t.common.appName}` }];

// A document POST answers with the page, whose headers come from here: pass the action's Retry-After on.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ context, request }: LoaderFunctionArgs) {
  if (context.user) throw redirect(safeNext(new URL(request.url).searchParams.get("next")));
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request, context);
  const values = formToObject(form);
  const parsed = validate(loginSchema, values);
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, values });
  try {
    const { token } = await context.services.auth.login(parsed.data.email, parsed.data.password, {
      ip: context.clientIp,
      userAgent: request.headers.get("user-agent"),
    });
    setSessionCookie(context, token);
    return redirect(safeNext(values.next));
  } catch (error) {
    if (isNamedError(error, AuthError)) {
      const response = badForm({ fieldErrors: {}, formError: error.message, values }, error.status);
      if (error.retryAfterMs) response.headers.set("Retry-After", String(Math.ceil(error.retryAfterMs / 1000)));
      return response;
    }
    throw error;
  }
}

export default function Login() {
  const data = useActionData<typeof action>() as FormFailure | undefined;
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="login-title">
      <h1 id="login-title">{t.auth.login.title}</h1>
      {params.get("rejestracja") ? (
        <div className="notice notice-ok" role="status">
          <p>{t.auth.register.checkMail}</p>
          {params.get("miasto") ? <p>{t.auth.register.checkMailCity}</p> : null}
        </div>
      ) : (
        <p>{t.auth.login.intro}</p>
      )}
      <ErrorSummary errors={data?.fieldErrors} formError={data?.formError} />
      <Form method="post" className="stack" noValidate>
        <CsrfInput />
        <input type="hidden" name="next" value={params.get("next") ?? "/"} />
        <Field label={t.auth.login.email} name="email" type="email" autoComplete="username" required defaultValue={String(data?.values?.email ?? "")} error={data?.fieldErrors?.email} />
        <Field label={t.auth.login.password} name="password" type="password" autoComplete="current-password" required error={data?.fieldErrors?.password} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t.auth.login.submit}
          </button>
          <Link to="/haslo/reset">{t.auth.login.forgot}</Link>
        </div>
      </Form>
      <p>
        {t.auth.login.noAccount} <Link to="/register">{t.auth.login.register}</Link>
      </p>
    </section>
  );
}
