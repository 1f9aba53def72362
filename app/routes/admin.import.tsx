import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { ImportReport } from "../../server/library/library-import.js";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { readForm } from "~/lib/forms.server";
import { requirePermission } from "~/lib/guards.server";
import { AdminTabs } from "~/components/admin-tabs";
import { DataTable } from "~/components/data-table";

const I = t.library.import;
const MAX_BYTES = 20 * 1024 * 1024;

export const meta: MetaFunction = () => [{ title: `${I.title} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "library:import");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "library:import");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return json({ error: t.library.upload.tooLarge(MAX_BYTES / 1024 / 1024), report: null }, { status: 413 });
  const form = await readForm(request, context);
  const file = form.get("file");
  const pasted = String(form.get("text") ?? "");
  const text = file instanceof File && file.size > 0 ? await file.text() : pasted;
  if (!text.trim()) return json({ error: I.nothing, report: null }, { status: 400 });
  const dryRun = form.get("dryRun") === "1";
  const report = await context.services.library.importJsonl(text, { dryRun, actorId: actor!.id });
  if (!dryRun) {
    await context.services.audit.record({ actorId: actor!.id, action: "library.import", subjectType: "library", details: { created: report.created, updated: report.updated, rejected: report.rejected.length, warnings: report.warnings.length }, ip: context.clientIp });
    void context.services.search.indexer.kick();
  }
  return json({ error: null, report }, { status: report.rejected.length && report.created + report.updated + report.unchanged === 0 ? 400 : 200 });
}

function Report({ report }: { report: ImportReport }) {
  return (
    <section aria-labelledby="report-title" className="import-report">
      <h2 id="report-title">{I.report}</h2>
      <p role="status">{I.counts({ total: report.total, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length })}</p>
      {report.dryRun ? <p className="notice">{I.dryRunNote}</p> : null}
      {report.warnings.length ? (
        <>
          <h3>{I.warningsHeading}</h3>
          <DataTable
            caption={I.warningsHeading}
            rows={report.warnings}
            rowKey={(w) => `w${w.line}`}
            columns={[
              { header: I.line, cell: (w) => w.line },
              { header: "externalId", cell: (w) => w.externalId },
              { header: I.warning, cell: (w) => w.message },
            ]}
          />
        </>
      ) : null}
      {report.rejected.length ? (
        <>
          <h3>{I.rejectedHeading}</h3>
          <DataTable
            caption={I.rejectedHeading}
            rows={report.rejected}
            rowKey={(r) => r.line}
            columns={[
              { header: I.line, cell: (r) => r.line },
              { header: "externalId", cell: (r) => r.externalId },
              {
                header: I.reason,
                cell: (r) => (
                  <ul className="plain-list">
                    {r.reasons.map((x) => (
                      <li key={x}>{x}</li>
                    ))}
                  </ul>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}

/** Admins import library items from JSONL (file or pasted text), with a dry run and a per-line report. */
export default function AdminImport() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">{I.title}</h1>
      <AdminTabs current="/admin/import" />
      <p>{I.intro}</p>
      {data?.error ? (
        <p className="error-summary" role="alert">
          {data.error}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <CsrfInput />
        <div className="field">
          <label htmlFor="file">{I.file}</label>
          <input id="file" name="file" type="file" accept=".jsonl,.json,.txt,application/jsonl,application/json,text/plain" />
        </div>
        <div className="field">
          <label htmlFor="text">{I.paste}</label>
          <textarea id="text" name="text" rows={8} spellCheck={false} />
        </div>
        <div className="checkbox-row">
          <input type="checkbox" id="dryRun" name="dryRun" value="1" />
          <label htmlFor="dryRun">{I.dryRun}</label>
        </div>
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {I.submit}
          </button>
        </p>
      </Form>
      {data?.report ? <Report report={data.report} /> : null}
    </section>
  );
}
