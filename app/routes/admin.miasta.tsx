import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { cityReviewSchema, InputError, isNamedError } from "~/lib/server-modules.server";
import { voivodeshipNames } from "../../domain/voivodeships.js";
import { AdminTabs } from "~/components/admin-tabs";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { formToObject, readForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";

const R = t.cities.review;

export const meta: MetaFunction = () => [{ title: `${R.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "city:review");
  return json({ cities: await context.services.cities.unconfirmed(), voivodeships: voivodeshipNames });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "city:review");
  const form = await readForm(request, context);
  // formToObject leaves out "intent" (it names the button pressed); here it picks which of the two forms was sent.
  const parsed = cityReviewSchema.safeParse({ ...formToObject(form), intent: form.get("intent") });
  if (!parsed.success) return json({ ok: false, message: parsed.error.issues[0]?.message ?? t.common.errors.badRequestTitle }, { status: 400 });
  try {
    return json({ ok: true, message: await context.services.cities.review(actor!.id, parsed.data, context.clientIp ?? null) });
  } catch (error) {
    // The city was reviewed or merged meanwhile, or the target is unknown: the page is out of date, hence 409.
    if (isNamedError(error, InputError)) return json({ ok: false, message: error.message }, { status: 409 });
    throw error;
  }
}

/** Admins confirm the cities an import created, or merge them into a directory city. */
export default function AdminCities() {
  const { cities, voivodeships } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <section aria-labelledby="cities-review-title">
      <h1 id="cities-review-title">{R.title}</h1>
      <AdminTabs current="/admin/miasta" />
      <p>{R.intro}</p>
      {result ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role={result.ok ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      {cities.length ? (
        <ul className="plain-list stack">
          {cities.map((c) => (
            <li key={c.id} className="card">
              <h2>{c.name}</h2>
              <p className="card-meta">
                {R.usage}: {R.usageText(c.items, c.users)}
              </p>
              <Form method="post" className="filters" aria-label={R.confirmFor(c.name)}>
                <CsrfInput />
                <input type="hidden" name="intent" value="confirm" />
                <input type="hidden" name="id" value={c.id} />
                <div className="field">
                  <label htmlFor={`woj-${c.id}`}>{t.cities.voivodeship}</label>
                  <select id={`woj-${c.id}`} name="voivodeship" required defaultValue="">
                    <option value="" disabled>
                      {t.cities.allVoivodeships}
                    </option>
                    {voivodeships.map((v) => (
                      <option key={v} value={v}>
                        {v}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`pow-${c.id}`}>{t.cities.county}</label>
                  <input id={`pow-${c.id}`} name="county" maxLength={80} />
                </div>
                <button type="submit" className="primary">
                  {R.confirm}
                </button>
              </Form>
              <Form method="post" className="filters" aria-label={R.mergeFor(c.name)}>
                <CsrfInput />
                <input type="hidden" name="intent" value="merge" />
                <input type="hidden" name="id" value={c.id} />
                <div className="field">
                  <label htmlFor={`into-${c.id}`}>{R.into}</label>
                  <input id={`into-${c.id}`} name="into" required maxLength={120} />
                </div>
                <button type="submit">{R.merge}</button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">{R.empty}</p>
      )}
    </section>
  );
}
