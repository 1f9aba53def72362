import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { DataTable } from "~/components/data-table";
import { readForm } from "~/lib/forms.server";
import { permissionResponse, requirePermission } from "~/lib/guards.server";
import { t } from "../../domain/i18n";
import type { DefinitionIssue } from "../../server/surveys/survey-definition.js";

const b = t.surveyBuilder;
const MAX_BYTES = 1024 * 1024;

export const meta: MetaFunction = () => [{ title: `${b.uploadTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "survey:manage");
  return json({});
}

type UploadResult = { error: string | null; issues: DefinitionIssue[]; slug: string | null };

// The same import as `npm run survey:import`: an invalid file stores nothing and comes back as a report.
export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES + 64 * 1024) return json<UploadResult>({ error: b.fileTooLarge, issues: [], slug: null }, { status: 413 });
  const form = await readForm(request, context);
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return json<UploadResult>({ error: b.noFile, issues: [], slug: null }, { status: 400 });
  if (file.size > MAX_BYTES) return json<UploadResult>({ error: b.fileTooLarge, issues: [], slug: null }, { status: 413 });
  try {
    const outcome = await context.services.surveys.import(actor, await file.text());
    if (!outcome.ok) return json<UploadResult>({ error: t.surveys.import.invalid, issues: outcome.issues, slug: null }, { status: 400 });
    return json<UploadResult>({ error: null, issues: [], slug: outcome.slug });
  } catch (error) {
    permissionResponse(error, request);
  }
}

/** Staff upload a survey file; a refused file is listed problem by problem (where in the file, what is wrong). */
export default function UploadSurvey() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <section aria-labelledby="upload-title">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{t.surveys.title}</Link>
      </p>
      <h1 id="upload-title">{b.uploadTitle}</h1>
      <p>{b.uploadIntro}</p>
      <div aria-live="polite">
        {data?.slug ? (
          <p className="notice notice-ok" role="status">
            {b.imported(data.slug)} <Link to={`/ankiety/${data.slug}`}>{b.open}</Link> · <Link to={`/ankiety/${data.slug}/edycja`}>{b.editIt}</Link>
          </p>
        ) : null}
        {data?.error ? (
          <p className="error-summary" role="alert">
            {data.error}
          </p>
        ) : null}
      </div>
      <Form method="post" encType="multipart/form-data" className="stack">
        <CsrfInput />
        <div className="field">
          <label htmlFor="file">{b.file}</label>
          <input id="file" name="file" type="file" accept=".json,application/json" required />
        </div>
        <p>
          <button type="submit" className="primary" disabled={busy}>
            {b.uploadSubmit}
          </button>
        </p>
      </Form>
      {data?.issues.length ? (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{b.report}</h2>
          <DataTable
            caption={b.report}
            rows={data.issues}
            rowKey={(i) => `${i.path}:${i.message}`}
            columns={[
              { header: b.problemPath, cell: (i) => <code>{i.path}</code>, rowHeader: true },
              { header: b.problemMessage, cell: (i) => i.message },
            ]}
          />
        </section>
      ) : null}
    </section>
  );
}
