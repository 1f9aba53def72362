import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { Field, Select } from "~/components/field";
import { NetworkAdminNav, StaffNotice } from "~/components/network-admin-nav";
import { formatDate } from "~/lib/format";
import { formToObject, readForm, validate } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { requireManagedNetwork, staffBad, staffFailure, staffOk, unknownIntent, type StaffResult } from "~/lib/network-staff.server";
import { agreementStatusSchema, staffAgreementSchema } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { AGREEMENT_STATUSES, AgreementStatusForm, AgreementTitle } from "~/components/agreement-status-form";

const S = t.networks.staff;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${S.sections.agreements}: ${data.network.name} — ${t.common.appName}` : t.common.appName }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view } = await requireManagedNetwork(context, request, params.slug);
  // The owner picker offers current members only: a city or a person that has left cannot take on new work.
  return json({
    network: { slug: view.network.slug, name: view.network.name },
    agreements: view.agreements,
    cities: view.cities.filter((c) => c.leftOn === null).map((c) => ({ cityId: c.cityId, name: c.name })),
    people: view.people.filter((p) => p.leftOn === null).map((p) => ({ userId: p.userId, name: p.name, role: p.role })),
    meetings: view.meetings.map((m) => ({ id: m.id, title: m.title, startsAt: m.startsAt })),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "network:manage");
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const data = formToObject(form);
  const slug = params.slug ?? "";
  try {
    if (intent === "agreement") {
      const v = validate(staffAgreementSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors, data);
      await context.services.networks.recordAgreement(actor, slug, v.data);
      return staffOk(intent, t.networks.agreementSaved);
    }
    if (intent === "agreement-status") {
      const v = validate(agreementStatusSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      await context.services.networks.updateAgreement(actor, slug, v.data.agreementId, v.data.status);
      return staffOk(intent, t.networks.agreementUpdated);
    }
  } catch (error) {
    // The owner is one select on this form, whichever of city or person the service refused.
    return staffFailure(error, request, intent, data, (f) => (f === "ownerCityId" || f === "ownerUserId" ? "owner" : f));
  }
  return unknownIntent();
}

/** Agreements of the network: record one with its owner (a member city or one of the network's people), change status. */
export default function NetworkAgreements() {
  const { network, agreements, cities, people, meetings } = useLoaderData<typeof loader>();
  const result = useActionData<StaffResult>();
  const errors = result?.intent === "agreement" ? (result.fieldErrors ?? {}) : {};
  const v = (k: string) => (result?.intent === "agreement" && typeof result.values?.[k] === "string" ? (result.values[k] as string) : "");
  return (
    <section aria-labelledby="network-admin-title">
      <NetworkAdminNav slug={network.slug} name={network.name} current="/ustalenia" />
      <StaffNotice result={result} />
      <section aria-labelledby="agreements-list-title">
        <h2 id="agreements-list-title">{S.agreementList}</h2>
        <DataTable
          caption={S.agreementList}
          rows={agreements}
          rowKey={(a) => a.id}
          empty={t.networks.noAgreements}
          columns={[
            {
              header: t.networks.agreementTitle,
              rowHeader: true,
              cell: (a) => <AgreementTitle agreement={a} />,
            },
            { header: t.networks.agreementWho, cell: (a) => a.ownerCityName ?? a.ownerUserName ?? t.networks.agreementWhole },
            { header: t.networks.agreementDue, cell: (a) => a.dueOn },
          ]}
          actions={{
            header: t.networks.agreementStatus,
            cell: (a) => (
              <AgreementStatusForm agreement={a} />
            ),
          }}
        />
      </section>
      <section aria-labelledby="agreement-new-title">
        <h2 id="agreement-new-title">{t.networks.agreementNew}</h2>
        <Form method="post" className="stack" aria-labelledby="agreement-new-title">
          <CsrfInput />
          <input type="hidden" name="intent" value="agreement" />
          <Field label={t.networks.agreementTitle} name="title" required minLength={3} maxLength={500} defaultValue={v("title")} error={errors.title} />
          <Select label={S.agreementOwner} name="owner" defaultValue={v("owner")} error={errors.owner}>
            <option value="">{t.networks.agreementOwnerNone}</option>
            <optgroup label={S.agreementOwnerCities}>
              {cities.map((c) => (
                <option key={c.cityId} value={`city:${c.cityId}`}>
                  {c.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={S.agreementOwnerPeople}>
              {people.map((p) => (
                <option key={`${p.userId}-${p.role}`} value={`person:${p.userId}`}>
                  {`${p.name} (${t.networks.roles[p.role]})`}
                </option>
              ))}
            </optgroup>
          </Select>
          <Select label={t.networks.agreementMeeting} name="eventId" defaultValue={v("eventId")} error={errors.eventId}>
            <option value="">—</option>
            {meetings.map((m) => (
              <option key={m.id} value={m.id}>
                {`${formatDate(m.startsAt)} — ${m.title}`}
              </option>
            ))}
          </Select>
          <Field label={t.networks.agreementDue} name="dueOn" type="date" defaultValue={v("dueOn")} error={errors.dueOn} />
          <Select label={S.agreementStatusNew} name="status" defaultValue={v("status") || "open"} error={errors.status}>
            {AGREEMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.networks.agreementStatuses[s]}
              </option>
            ))}
          </Select>
          <button type="submit" className="primary">
            {t.networks.agreementSave}
          </button>
        </Form>
      </section>
    </section>
  );
}
