import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { readForm } from "~/lib/forms.server";
import { clearSessionCookie } from "~/lib/session.server";

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) throw redirect("/");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  await readForm(request, context);
  if (context.user) await context.services.auth.logout(context.user.sessionId);
  clearSessionCookie(context);
  return redirect("/");
}

// Reached only without JavaScript or by typing the URL: logging out is always a POST.
export default function Logout() {
  return (
    <section>
      <h1>{t.auth.logout.title}</h1>
      <p>{t.auth.logout.confirm}</p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="primary">
          {t.auth.logout.submit}
        </button>
      </Form>
    </section>
  );
}
