import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { Field } from "~/components/field";
import { NetworkAdminNav, StaffNotice } from "~/components/network-admin-nav";
import { formToObject, readForm, validate } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { requireManagedNetwork, staffBad, staffFailure, staffOk, unknownIntent, type StaffResult } from "~/lib/network-staff.server";
import { materialLinkSchema, materialUnlinkSchema, parseSearchParams, personQuerySchema, searchLibrary, toApiResult } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const S = t.networks.staff;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${S.sections.materials}: ${data.network.name} — ${t.common.appName}` : t.common.appName }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { view } = await requireManagedNetwork(context, request, params.slug);
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const q = personQuerySchema.safeParse(query);
  let results: { id: number; slug: string; title: string }[] | null = null;
  if (q.success) {
    // The library's own search (forgiving Polish: no diacritics, typos, inflections); it indexes published items only.
    const found = await searchLibrary(context.services.search.engine, parseSearchParams(new URLSearchParams({ q: q.data, hitsPerPage: "10" }))).catch(() => null);
    results = found ? toApiResult(found).hits.map((h) => ({ id: h.id, slug: h.slug, title: h.title })) : [];
  }
  const linked = new Set(view.materials.map((m) => m.itemId));
  return json({ network: { slug: view.network.slug, name: view.network.name }, materials: view.materials, query: query.slice(0, 80), results: results?.filter((r) => !linked.has(r.id)) ?? null });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "network:manage");
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const data = formToObject(form);
  const slug = params.slug ?? "";
  try {
    if (intent === "material-link") {
      const v = validate(materialLinkSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      const title = await context.services.networks.linkMaterial(actor, slug, v.data.itemId, v.data.membersOnly);
      return staffOk(intent, S.materialLinked(title));
    }
    if (intent === "material-unlink") {
      const v = validate(materialUnlinkSchema, data);
      if (!v.ok) return staffBad(intent, v.fieldErrors);
      await context.services.networks.unlinkMaterial(actor, slug, v.data.itemId);
      return staffOk(intent, S.materialUnlinked);
    }
  } catch (error) {
    return staffFailure(error, request, intent, data);
  }
  return unknownIntent();
}

/** Library items linked to the network (public or members only), and a library search to link more. */
export default function NetworkMaterials() {
  const { network, materials, query, results } = useLoaderData<typeof loader>();
  const result = useActionData<StaffResult>();
  return (
    <section aria-labelledby="network-admin-title">
      <NetworkAdminNav slug={network.slug} name={network.name} current="/materialy" />
      <StaffNotice result={result} />
      <section aria-labelledby="materials-linked-title">
        <h2 id="materials-linked-title">{S.materialsLinked}</h2>
        <DataTable
          caption={S.materialsLinked}
          rows={materials}
          rowKey={(m) => m.itemId}
          empty={t.networks.noMaterials}
          columns={[
            { header: S.materialColumns.title, rowHeader: true, cell: (m) => <Link to={`/biblioteka/${m.slug}`}>{m.title}</Link> },
            { header: S.materialColumns.visibility, cell: (m) => (m.membersOnly ? S.materialMembersOnlyShort : S.materialPublic) },
          ]}
          actions={{
            header: S.materialColumns.action,
            cell: (m) => (
              <Form method="post" className="inline-form">
                <CsrfInput />
                <input type="hidden" name="intent" value="material-unlink" />
                <input type="hidden" name="itemId" value={m.itemId} />
                <button type="submit" aria-label={S.unlinkMaterial(m.title)}>
                  {S.unlinkMaterialShort}
                </button>
              </Form>
            ),
          }}
        />
      </section>
      <section aria-labelledby="materials-search-title">
        <h2 id="materials-search-title">{S.materialSearch}</h2>
        <Form method="get" className="filters" role="search" aria-labelledby="materials-search-title">
          <Field label={S.materialSearch} name="q" type="search" minLength={2} maxLength={80} defaultValue={query} />
          <button type="submit">{S.materialSearchButton}</button>
        </Form>
        {results ? (
          <>
            <h3>{S.materialResults(query)}</h3>
            {results.length ? (
              <ul className="plain-list stack">
                {results.map((r) => (
                  <li key={r.id}>
                    <Form method="post" className="inline-form">
                      <CsrfInput />
                      <input type="hidden" name="intent" value="material-link" />
                      <input type="hidden" name="itemId" value={r.id} />
                      <Link to={`/biblioteka/${r.slug}`}>{r.title}</Link>{" "}
                      <input type="checkbox" id={`members-only-${r.id}`} name="membersOnly" value="1" />{" "}
                      <label htmlFor={`members-only-${r.id}`}>
                        {S.materialMembersOnlyShort}
                        <span className="visually-hidden">{`: ${r.title}`}</span>
                      </label>{" "}
                      <button type="submit" aria-label={S.linkMaterial(r.title)}>
                        {S.linkMaterialShort}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty-state">{S.materialNone}</p>
            )}
          </>
        ) : null}
      </section>
    </section>
  );
}
