import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { utcIsoToLocal } from "~/lib/server-modules.server";
import { EventForm } from "~/components/event-form";
import { t } from "../../domain/i18n";
import { eventFormOptions, submitEventForm } from "~/lib/event-form.server";
import { readForm, type FormFailure } from "~/lib/forms.server";
import { notFound, permissionResponse, requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.events.form.editTitle} — ${t.common.appName}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "event:manage");
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const values = {
    title: event.title,
    slug: event.slug,
    description: event.description,
    kind: event.kind,
    format: event.format,
    seriesId: event.seriesId ?? "",
    startsAt: utcIsoToLocal(event.startsAt),
    endsAt: utcIsoToLocal(event.endsAt),
    place: event.place ?? "",
    joinUrl: event.joinUrl ?? "",
    capacity: event.capacity ?? "",
    reminders: event.reminderMinutes,
    areas: event.areas.map((a) => a.slug),
  };
  return json({ ...(await eventFormOptions(context)), values, title: event.title });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "event:manage");
  const form = await readForm(request, context);
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event) notFound();
  return submitEventForm(form, async (data) => {
    try {
      const { slug } = await context.services.events.update(actor, event.id, data, context.origin);
      return redirect(`/wydarzenia/${slug}?zapisano=1`);
    } catch (error) {
      return permissionResponse(error, request);
    }
  });
}

export default function EditEvent() {
  const { values, areas, series, title } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as FormFailure | undefined;
  return (
    <section aria-labelledby="form-title">
      <h1 id="form-title">
        {t.events.form.editTitle}: {title}
      </h1>
      <EventForm values={failed?.values ?? values} errors={failed?.fieldErrors} formError={failed?.formError} areas={areas} series={series} />
    </section>
  );
}
