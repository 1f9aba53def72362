import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Link } from "~/components/link";
import { SurveyBuilderForm } from "~/components/survey-builder-form";
import { SurveyQuestionField } from "~/components/survey-question";
import { notFound, requirePermission } from "~/lib/guards.server";
import { builderAction } from "~/lib/survey-builder.server";
import { draftOf } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";

const b = t.surveyBuilder;

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${b.editTitle(data.title)} — ${t.common.appName}` : t.common.appName }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  const definition = await context.services.surveys.exportDefinition(actor, params.slug ?? "");
  if (!definition) notFound();
  return json({ slug: definition.slug, title: definition.title, draft: draftOf(definition), questions: definition.questions });
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "survey:manage");
  const slug = params.slug ?? "";
  if (!(await context.services.surveys.bySlug(slug))) notFound();
  return builderAction(request, context, (draft) => context.services.surveys.edit(actor, slug, draft), "zapisano");
}

/** Staff edit a survey: data, questions (add, edit, reorder, remove) and a preview of the saved version. */
export default function EditSurvey() {
  const { slug, title, draft, questions } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = refused ? null : params.get("utworzono") ? b.created : params.get("zapisano") ? b.saved : null;
  return (
    <section aria-labelledby="builder-title" className="survey-builder-page">
      <p className="card-meta breadcrumb">
        <Link to="/ankiety">{t.surveys.title}</Link> / <Link to={`/ankiety/${slug}`}>{title}</Link>
      </p>
      <h1 id="builder-title">{b.editTitle(title)}</h1>
      <div aria-live="polite">
        {notice ? (
          <p className="notice notice-ok" role="status">
            {notice}
          </p>
        ) : null}
      </div>
      <p>{b.intro}</p>
      {refused ? (
        <p>
          <Link to={`/ankiety/${slug}/edycja`} reloadDocument>
            {b.discard}
          </Link>
        </p>
      ) : null}
      <SurveyBuilderForm draft={refused?.draft ?? draft} issues={refused?.issues ?? []} mode="edit" />
      <section aria-labelledby="preview-h" className="survey-preview">
        <h2 id="preview-h">{b.preview}</h2>
        <p className="field-hint">{b.previewNote}</p>
        {/* The respondents' own component, outside any form: the preview sends nothing. */}
        <div className="survey-form">
          {questions.map((q) => (
            <SurveyQuestionField key={q.id} q={q} value={undefined} />
          ))}
        </div>
      </section>
    </section>
  );
}
