import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { Field, Select } from "~/components/field";
import { NetworkAdminNav, StaffNotice } from "~/components/network-admin-nav";
import { formatRange } from "~/lib/format";
import { formToObject, readForm, validate } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { requireManagedNetwork, staffBad, staffFailure, staffOk, unknownIntent, type StaffResult } from "~/lib/network-staff.server";
import { localToUtcIso, openToAllAt, openToAllSchema, staffSeriesSchema, utcIsoToLocal } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { count, nouns } from "../../domain/i18n/pl/plural.js";

const S = t.networks.staff;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${S.sections.meetings}: ${data.network.name} — ${t.common.appName}` : t.common.appName }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view } = await requireManagedNetwork(context, request, params.slug);
  // Each meeting with the moment it opens to non-members, as the staff form edits it (Warsaw wall-clock time).
  const meetings = view.meetings.map((m) => {
    const local = utcIsoToLocal(openToAllAt(m) ?? m.startsAt);
    return { id: m.id, slug: m.slug, title: m.title, startsAt: m.startsAt, endsAt: m.endsAt, status: m.status, openDate: local.slice(0, 10), openTime: local.slice(11, 16) };
  });
  return json({ network: { slug: view.network.slug, name: view.network.name }, meetings });
}

/**
 * Creates a quarterly series of meetings as events linked to the network (server/networks/quarterly.ts), or moves the
 * moment one meeting opens registration to non-members (members first until then).
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "network:manage");
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const data = formToObject(form);
  if (intent === "open-to-all") {
    const o = validate(openToAllSchema, data);
    if (!o.ok) return staffBad(intent, o.fieldErrors, data);
    try {
      await context.services.networks.setOpenToAll(actor, params.slug ?? "", o.data.eventId, localToUtcIso(`${o.data.date}T${o.data.time}`));
      const title = (await context.services.networks.page(params.slug ?? "", actor))?.upcoming.find((m) => m.id === o.data.eventId)?.title ?? "";
      return staffOk(intent, S.openToAllSaved(title));
    } catch (error) {
      return staffFailure(error, request, intent, data);
    }
  }
  if (intent !== "series") return unknownIntent();
  const v = validate(staffSeriesSchema, data);
  if (!v.ok) return staffBad(intent, v.fieldErrors, data);
  try {
    const created = await context.services.networks.createMeetingSeries(actor, params.slug ?? "", v.data);
    return staffOk(intent, t.networks.seriesCreated(count(created.length, nouns.spotkanie)));
  } catch (error) {
    return staffFailure(error, request, intent, data);
  }
}

/** The series creator and the network's meetings, each with a link to the event editor to move or change it. */
export default function NetworkMeetings() {
  const { network, meetings } = useLoaderData<typeof loader>();
  const result = useActionData<StaffResult>();
  const errors = result?.intent === "series" ? (result.fieldErrors ?? {}) : {};
  const v = (k: string, fallback = "") => (typeof result?.values?.[k] === "string" ? (result.values[k] as string) : fallback);
  return (
    <section aria-labelledby="network-admin-title">
      <NetworkAdminNav slug={network.slug} name={network.name} current="/spotkania" />
      <StaffNotice result={result} />

      <section aria-labelledby="meetings-list-title">
        <h2 id="meetings-list-title">{S.meetingsList}</h2>
        <p>{S.openToAllIntro}</p>
        <DataTable
          caption={S.meetingsList}
          rows={meetings}
          rowKey={(m) => m.id}
          empty={S.noMeetings}
          columns={[
            { header: S.meetingColumns.title, rowHeader: true, cell: (m) => <Link to={`/wydarzenia/${m.slug}`}>{m.title}</Link> },
            { header: S.meetingColumns.when, cell: (m) => formatRange(m.startsAt, m.endsAt) },
            { header: S.meetingColumns.status, cell: (m) => S.meetingStatuses[m.status] ?? m.status },
            {
              header: S.openToAllColumn,
              cell: (m) => (
                <Form method="post" className="inline-form">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="open-to-all" />
                  <input type="hidden" name="eventId" value={m.id} />
                  <input type="date" name="date" required defaultValue={m.openDate} aria-label={S.openToAllDate(m.title)} />{" "}
                  <input type="time" name="time" required defaultValue={m.openTime} aria-label={S.openToAllTime(m.title)} />{" "}
                  <button type="submit" aria-label={S.openToAllSaveLabel(m.title)}>
                    {S.openToAllSave}
                  </button>
                </Form>
              ),
            },
          ]}
          actions={{
            header: S.meetingColumns.action,
            cell: (m) => (
              <Link to={`/wydarzenia/${m.slug}/edycja`} aria-label={S.moveMeeting(m.title)}>
                {S.moveMeetingShort}
              </Link>
            ),
          }}
        />
      </section>

      <section aria-labelledby="series-title">
        <h2 id="series-title">{S.seriesTitle}</h2>
        <p>{S.seriesIntro}</p>
        <Form method="post" className="stack" aria-labelledby="series-title">
          <CsrfInput />
          <input type="hidden" name="intent" value="series" />
          <Field label={S.seriesDate} name="firstDate" type="date" required defaultValue={v("firstDate")} error={errors.firstDate} />
          <Field label={S.seriesTime} name="firstTime" type="time" required defaultValue={v("firstTime", "11:00")} error={errors.firstTime} />
          <Field label={S.seriesCount} name="count" type="number" required min={1} max={24} defaultValue={v("count", "4")} error={errors.count} />
          <Field label={S.seriesDuration} name="durationHours" type="number" required min={1} max={12} defaultValue={v("durationHours", "3")} error={errors.durationHours} />
          <Field label={S.seriesTitlePattern} name="titlePattern" maxLength={150} defaultValue={v("titlePattern")} hint={S.seriesTitleHint} error={errors.titlePattern} />
          <Select label={S.seriesFormat} name="format" required defaultValue={v("format", "online")} error={errors.format}>
            {(["online", "onsite", "hybrid"] as const).map((f) => (
              <option key={f} value={f}>
                {S.formats[f]}
              </option>
            ))}
          </Select>
          <Field label={S.seriesPlace} name="place" maxLength={300} defaultValue={v("place")} error={errors.place} />
          <Field label={S.seriesJoinUrl} name="joinUrl" type="url" maxLength={500} defaultValue={v("joinUrl")} error={errors.joinUrl} />
          <button type="submit" className="primary">
            {S.seriesCreate}
          </button>
        </Form>
      </section>
    </section>
  );
}
