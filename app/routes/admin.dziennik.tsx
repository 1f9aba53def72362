import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AdminTabs } from "~/components/admin-tabs";
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
      {entries.length === 0 ? (
        <p className="empty-state">{t.admin.auditEmpty}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t.admin.audit}</caption>
            <thead>
              <tr>
                <th scope="col">{t.admin.when}</th>
                <th scope="col">{t.admin.who}</th>
                <th scope="col">{t.admin.what}</th>
                <th scope="col">{t.admin.subject}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{when.format(new Date(e.createdAt))}</td>
                  <td>{e.actorName ?? "—"}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.subjectType} {e.subjectId ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
