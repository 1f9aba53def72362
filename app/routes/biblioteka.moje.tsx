import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { t } from "../../domain/i18n";
import { DataTable } from "~/components/data-table";
import { requirePermission } from "~/lib/guards.server";

const E = t.library.editor;

export const meta: MetaFunction = () => [{ title: `${E.listTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "library:propose");
  const status = new URL(request.url).searchParams.get("status");
  const items = await context.services.library.listForEditing(actor, status === "draft" || status === "in_review" || status === "published" ? status : undefined);
  return json({ items, status });
}

/** Staff: every item, filterable by status (the review queue); members: their own proposals. */
export default function MyLibraryItems() {
  const { items, status } = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="mine-title">
      <h1 id="mine-title">{E.listTitle}</h1>
      <p>
        <Link to="/biblioteka/nowa" className="button">
          {E.create}
        </Link>
      </p>
      <nav className="tabs" aria-label={E.status}>
        <Link to="/biblioteka/moje" aria-current={!status ? "page" : undefined}>
          {E.all}
        </Link>
        {(["draft", "in_review", "published"] as const).map((s) => (
          <Link key={s} to={`/biblioteka/moje?status=${s}`} aria-current={status === s ? "page" : undefined}>
            {t.library.statuses[s]}
          </Link>
        ))}
      </nav>
      <DataTable
        caption={E.listTitle}
        rows={items}
        rowKey={(i) => i.id}
        empty={E.empty}
        columns={[
          { header: E.fields.title, cell: (i) => <Link to={`/biblioteka/${i.slug}/edycja`}>{i.title}</Link> },
          { header: E.fields.kind, cell: (i) => t.library.kinds[i.kind] },
          { header: E.status, cell: (i) => t.library.statuses[i.status] },
          { header: t.library.item.authors, cell: (i) => i.authorName },
        ]}
      />
    </section>
  );
}
