import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { SurveyBuilderForm } from "~/components/survey-builder-form";
import { requirePermission } from "~/lib/guards.server";
import { builderAction } from "~/lib/survey-builder.server";
import { emptyDraft } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const b = t.surveyBuilder;

export const meta: MetaFunction = () => [{ title: `${b.newTitle} — ${t.common.appName}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, "survey:manage");
  return json({ draft: emptyDraft() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  return builderAction(request, context, (draft) => context.services.surveys.create(actor, draft), "utworzono");
}

/** Staff create a survey in the browser: its data and a first question, then the edit page takes over. */
export default function NewSurvey() {
  const { draft } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  return (
    <section aria-labelledby="builder-title" className="survey-builder-page">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{t.surveys.title}</Link>
      </p>
      <h1 id="builder-title">{b.newTitle}</h1>
      <p>{b.intro}</p>
      <SurveyBuilderForm draft={refused?.draft ?? draft} issues={refused?.issues ?? []} mode="new" />
    </section>
  );
}
