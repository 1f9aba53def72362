import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { searchAdminActionSchema } from "~/lib/route-schemas.server";
import { AdminTabs } from "~/components/admin-tabs";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { readForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";

const S = t.admin.searchIndex;

export const meta: MetaFunction = () => [{ title: `${S.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "search:reindex");
  const search = context.services.search;
  // An engine that is down still lets the admin see the page and ask for a rebuild.
  const documents = await search.engine.count().catch(() => null);
  const pending = (await search.indexer.stats()).pending;
  const s = search.rebuilder.status();
  return json({
    engine: search.engine.name,
    documents,
    pending,
    rebuild: s ? { state: s.state, progress: s.progress, total: s.summary?.total ?? null, ms: s.summary?.ms ?? null, error: s.error, updatedAt: s.updatedAt } : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "search:reindex");
  const form = await readForm(request, context);
  if (!searchAdminActionSchema.safeParse({ intent: form.get("intent") }).success) return json({ message: S.badRequest, ok: false }, { status: 400 });
  const id = context.services.search.rebuilder.request(`admin:${actor!.id}`);
  await context.services.audit.record({ actorId: actor!.id, action: "search.reindex", subjectType: "search", subjectId: id, ip: context.clientIp });
  return json({ message: S.started, ok: true });
}

const when = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", dateStyle: "short", timeStyle: "medium" });

function RebuildState({ rebuild }: { rebuild: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["rebuild"]> }) {
  const at = when.format(new Date(rebuild.updatedAt));
  if (rebuild.state === "queued") return <>{S.queued}</>;
  if (rebuild.state === "running") return <>{rebuild.progress ? S.running(S.phases[rebuild.progress.phase], rebuild.progress.done, rebuild.progress.total) : S.runningStart}</>;
  if (rebuild.state === "failed") return <>{S.failed(rebuild.error ?? "", at)}</>;
  return <>{S.done(rebuild.total ?? 0, ((rebuild.ms ?? 0) / 1000).toFixed(1), at)}</>;
}

/** Admins see the search index's state and rebuild it from the database without stopping the app. */
export default function AdminSearchIndex() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="search-index-title">
      <h1 id="search-index-title">{S.title}</h1>
      <AdminTabs current="/admin/wyszukiwarka" />
      <p>{S.intro}</p>
      <dl className="facts">
        <dt>{S.engine}</dt>
        <dd>{data.engine}</dd>
        <dt>{S.documents}</dt>
        <dd>{data.documents ?? S.unavailable}</dd>
        <dt>{S.pending}</dt>
        <dd>{data.pending}</dd>
      </dl>
      <p role="status">
        {result ? result.message : null} {data.rebuild ? <RebuildState rebuild={data.rebuild} /> : null}
      </p>
      <Form method="post" className="stack">
        <CsrfInput />
        <p className="actions">
          <button type="submit" name="intent" value="rebuild" className="primary" disabled={busy}>
            {S.rebuild}
          </button>{" "}
          <a href="/admin/wyszukiwarka">{S.refresh}</a>
        </p>
      </Form>
    </section>
  );
}
