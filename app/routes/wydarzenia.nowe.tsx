import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { EventForm } from "~/components/event-form";
import { t } from "../../domain/i18n";
import { eventFormOptions, submitEventForm } from "~/lib/event-form.server";
import { readForm, type FormFailure } from "~/lib/forms.server";
import { permissionResponse, requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.events.form.createTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "event:manage");
  return json(await eventFormOptions(context));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "event:manage");
  const form = await readForm(request, context);
  return submitEventForm(form, async (data) => {
    try {
      const { slug } = await context.services.events.create(actor, data);
      return redirect(`/wydarzenia/${slug}?utworzono=1`);
    } catch (error) {
      return permissionResponse(error, request);
    }
  });
}

export default function NewEvent() {
  const options = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as FormFailure | undefined;
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">{t.events.form.createTitle}</h1>
      <EventForm values={failed?.values ?? {}} errors={failed?.fieldErrors} formError={failed?.formError} {...options} />
    </section>
  );
}
