import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { AdminTabs } from "~/components/admin-tabs";
import { DataTable } from "~/components/data-table";
import { NetworkForm, networkFormValues } from "~/components/network-form";
import { StaffNotice } from "~/components/network-admin-nav";
import { formToObject, readForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { readNetworkForm, staffBad, staffFailure, type StaffResult } from "~/lib/network-staff.server";
import { t } from "../../domain/i18n";
import { count, nouns } from "../../domain/i18n/pl/plural.js";

const S = t.networks.staff;

export const meta: MetaFunction = () => [{ title: `${S.listTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "network:manage");
  const [networks, areas] = await Promise.all([context.services.networks.list(), context.services.areas.list()]);
  return json({
    networks: networks.map((n) => ({ slug: n.slug, name: n.name, status: n.status, years: t.networks.years(n.startYear, n.endYear), members: n.members.length, leader: n.leader?.name ?? null })),
    areas: areas.map((a) => ({ slug: a.slug, name: a.name })),
    year: new Date().getFullYear(),
  });
}

/** Creates a network, then opens its management page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "network:manage");
  const data = formToObject(await readForm(request, context));
  const read = await readNetworkForm(context, data);
  if (!read.ok) return staffBad("network", read.fieldErrors, data);
  try {
    const slug = await context.services.networks.createNetwork(actor, read.form, read.leaderCityId);
    return redirect(`/admin/sieci/${slug}?utworzono=1`);
  } catch (error) {
    return staffFailure(error, request, "network", data);
  }
}

/** Staff see every network and create new ones. */
export default function AdminNetworks() {
  const { networks, areas, year } = useLoaderData<typeof loader>();
  const result = useActionData<StaffResult>();
  const values = result?.values ? networkFormValues(result.values) : { name: "", slug: "", description: "", areas: [], leaderCity: "", status: "active", startYear: String(year), endYear: "" };
  return (
    <section aria-labelledby="networks-admin-title">
      <h1 id="networks-admin-title">{S.listTitle}</h1>
      <AdminTabs current="/admin/sieci" />
      <p>{S.intro}</p>
      <DataTable
        caption={S.listTitle}
        rows={networks}
        rowKey={(n) => n.slug}
        empty={t.networks.empty}
        columns={[
          { header: S.columns.name, rowHeader: true, cell: (n) => <Link to={`/admin/sieci/${n.slug}`}>{n.name}</Link> },
          { header: S.columns.status, cell: (n) => `${t.networks.statuses[n.status]}, ${n.years}` },
          { header: S.columns.members, cell: (n) => count(n.members, nouns.miasto) },
          { header: S.columns.leader, cell: (n) => n.leader },
        ]}
      />
      <section aria-labelledby="network-new-title">
        <h2 id="network-new-title">{S.newTitle}</h2>
        <StaffNotice result={result} />
        <NetworkForm values={values} errors={result?.fieldErrors} areas={areas} submit={S.create} />
      </section>
    </section>
  );
}
