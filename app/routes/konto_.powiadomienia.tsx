import type { ReactNode } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { notificationSettingsSchema } from "~/lib/server-modules.server";
import { channels, digestFrequencies, notificationKindNames, notificationKinds } from "../../domain/notification-kinds.js";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/field";
import { t } from "../../domain/i18n";
import { badForm, formToObject, readForm, validate, type FormFailure } from "~/lib/forms.server";
import { requireUser } from "~/lib/guards.server";

const n = t.notifications;

export const meta: MetaFunction = () => [{ title: `${n.settingsTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request);
  return json(await context.services.notifications.settings(user.id));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const form = await readForm(request, context);
  const parsed = validate(notificationSettingsSchema, formToObject(form));
  if (!parsed.ok) return badForm({ fieldErrors: parsed.fieldErrors, formError: n.badChoice });
  await context.services.notifications.saveSettings(user.id, parsed.data);
  return json({ ok: true as const, message: n.saved });
}

export default function NotificationSettings() {
  const settings = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as FormFailure | { ok: true; message: string } | undefined;
  const failure = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>{n.settingsTitle}</h1>
      {result?.ok ? (
        <p className="notice notice-ok" role="status">
          {result.message}
        </p>
      ) : null}
      <ErrorSummary errors={failure?.fieldErrors} formError={failure?.formError} />
      <p>{n.settingsIntro}</p>
      <p>
        <Link to="/powiadomienia">{n.centreLink}</Link>
      </p>
      <Form method="post" className="stack notification-settings">
        <CsrfInput />
        <h2>{n.kindsHeading}</h2>
        {notificationKindNames.map((kind) =>
          notificationKinds[kind].transactional ? (
            <p key={kind} className="notification-fixed">
              <strong>{n.kinds[kind]}</strong>: {n.transactionalNote}
            </p>
          ) : (
            <fieldset key={kind} id={`channel_${kind}`}>
              <legend>{n.kinds[kind]}</legend>
              {channels.map((c) => (
                <div className="checkbox-row" key={c}>
                  <input type="radio" id={`channel_${kind}_${c}`} name={`channel_${kind}`} value={c} defaultChecked={settings.channels[kind] === c} />
                  <label htmlFor={`channel_${kind}_${c}`}>{n.channels[c]}</label>
                </div>
              ))}
            </fieldset>
          ),
        )}
        <fieldset id="digest" aria-describedby="digest-hint">
          <legend>{n.digestLegend}</legend>
          <p id="digest-hint" className="hint">
            {n.digestHint}
          </p>
          {digestFrequencies.map((d) => (
            <div className="checkbox-row" key={d}>
              <input type="radio" id={`digest_${d}`} name="digest" value={d} defaultChecked={settings.digest === d} />
              <label htmlFor={`digest_${d}`}>{n.digest[d]}</label>
            </div>
          ))}
        </fieldset>
        <FollowFieldset id="areas" field="area" legend={n.followLegend} hint={n.followHint} items={settings.areas} />
        <FollowFieldset
          id="cities"
          field="city"
          legend={n.followCitiesLegend}
          hint={n.followCitiesHint}
          items={settings.cities.map((c) => ({ ...c, followed: true }))}
          empty={<Link to="/miasta">{n.followCitiesEmpty}</Link>}
        />
        {settings.networks.length ? <FollowFieldset id="networks" field="network" legend={n.followNetworksLegend} hint={n.followNetworksHint} items={settings.networks} /> : null}
        <button type="submit">{n.save}</button>
      </Form>
    </>
  );
}

/**
 * One group of things a person follows (areas, cities, networks): ticked boxes posted as `<id>[]`, each labelled by
 * name; `empty` stands in when there is nothing to list.
 */
function FollowFieldset(props: { id: string; field: string; legend: string; hint: string; items: { slug: string; name: string; followed: boolean }[]; empty?: ReactNode }) {
  const { id, field, legend, hint, items, empty } = props;
  return (
    <fieldset id={id} aria-describedby={`${id}-hint`}>
      <legend>{legend}</legend>
      <p id={`${id}-hint`} className="hint">
        {hint}
      </p>
      {items.length || !empty ? (
        items.map((item) => (
          <div className="checkbox-row" key={item.slug}>
            <input type="checkbox" id={`${field}_${item.slug}`} name={`${id}[]`} value={item.slug} defaultChecked={item.followed} />
            <label htmlFor={`${field}_${item.slug}`}>{item.name}</label>
          </div>
        ))
      ) : (
        <p>{empty}</p>
      )}
    </fieldset>
  );
}
