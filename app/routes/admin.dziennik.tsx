import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
import { DataTable } from "~/components/data-table";
import { t } from "../../domain/i18n";
import { requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.admin.audit} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "audit:view");
  return json({ entries: await context.services.audit.latest(200) });
}

const when = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "short", timeStyle: "medium" });

export default function AuditLog() {
  const { entries } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.admin.title}</h1>
      <AdminTabs current="/admin/dziennik" />
      <DataTable
        caption={t.admin.audit}
        rows={entries}
        rowKey={(e) => e.id}
        empty={t.admin.auditEmpty}
        columns={[
          { header: t.admin.when, cell: (e) => when.format(new Date(e.createdAt)) },
          { header: t.admin.who, cell: (e) => e.actorName },
          { header: t.admin.what, cell: (e) => <code>{e.action}</code> },
          {
            header: t.admin.subject,
            cell: (e) => (
              <>
                {e.subjectType} {e.subjectId ?? ""}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
