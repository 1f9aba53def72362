import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { userListQuerySchema } from "~/lib/route-schemas.server";
import { InputError, isNamedError, userAdminSchema } from "~/lib/server-modules.server";
import { CsrfInput } from "~/components/csrf-input";
import { Field, Select } from "~/components/field";
import { AdminTabs } from "~/components/admin-tabs";
import { DataTable } from "~/components/data-table";
import { t } from "../../domain/i18n";
import { formToObject, readForm } from "~/lib/forms.server";
import { permissionResponse, requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction = () => [{ title: `${t.admin.users} — ${t.common.appName}` }];

const PAGE = 50;

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "user:manage");
  const q = userListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { users: directory } = context.services;
  const filter = { q: q.q || undefined, role: q.role };
  const [users, total] = await Promise.all([directory.list({ ...filter, limit: PAGE, offset: (q.page - 1) * PAGE }), directory.count(filter)]);
  // Only what the table shows: the page data of an admin screen is readable by anything running in that browser.
  const rows = users.map((u) => ({ id: u.id, name: u.name, email: u.email, cityName: u.cityName, role: u.role, disabled: u.disabledAt !== null }));
  return json({ users: rows, total, query: q, me: context.user!.id });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "user:manage");
  const form = await readForm(request, context);
  const parsed = userAdminSchema.safeParse(formToObject(form));
  if (!parsed.success) return json({ ok: false, message: t.common.errors.badRequestTitle }, { status: 400 });
  try {
    await context.services.users.setRole(actor, parsed.data);
    // Open live and /collab connections of that person keep no rights they just lost (on every instance).
    await context.services.access.userChanged(parsed.data.userId);
  } catch (error) {
    if (isNamedError(error, InputError)) return json({ ok: false, message: error.message }, { status: 400 });
    permissionResponse(error, request);
  }
  return json({ ok: true, message: t.admin.saved });
}

export default function AdminUsers() {
  const { users, total, query, me } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>{t.admin.title}</h1>
      <AdminTabs current="/admin/uzytkownicy" />
      {result ? (
        <p className={`notice ${result.ok ? "notice-ok" : "notice-warn"}`} role="status">
          {result.message}
        </p>
      ) : null}
      <Form method="get" className="filters" role="search" aria-label={t.admin.users}>
        <Field label={t.admin.search} name="q" type="search" defaultValue={query.q ?? ""} />
        <Select label={t.admin.role} name="role" defaultValue={query.role ?? ""}>
          <option value="">{t.admin.allRoles}</option>
          {Object.entries(t.common.roles).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
        <button type="submit" className="primary">
          {t.common.actions.filter}
        </button>
      </Form>
      <p role="status">{total}</p>
      <DataTable
        caption={t.admin.users}
        rows={users}
        rowKey={(u) => u.id}
        empty={t.admin.empty}
        columns={[
          { header: t.admin.name, cell: (u) => u.name },
          { header: t.admin.email, cell: (u) => u.email },
          { header: t.admin.city, cell: (u) => u.cityName },
        ]}
        actions={{
          header: t.admin.role,
          cell: (u) => (
            <Form method="post" className="actions" aria-label={t.admin.changeFor(u.name)}>
              <CsrfInput />
              <input type="hidden" name="userId" value={u.id} />
              <label className="visually-hidden" htmlFor={`role-${u.id}`}>
                {t.admin.changeFor(u.name)}
              </label>
              <select id={`role-${u.id}`} name="role" defaultValue={u.role} disabled={u.id === me}>
                {Object.entries(t.common.roles).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
              <span className="checkbox-row">
                <input type="checkbox" id={`disabled-${u.id}`} name="disabled" defaultChecked={u.disabled} disabled={u.id === me} />
                <label htmlFor={`disabled-${u.id}`}>{t.admin.disable}</label>
              </span>
              <button type="submit" className="button button-small" disabled={u.id === me}>
                {t.admin.save}
              </button>
            </Form>
          ),
        }}
      />
    </>
  );
}
