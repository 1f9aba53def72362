import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { CsrfInput } from "~/components/csrf-input";
import { t } from "../../domain/i18n";
import { formatNumber } from "~/lib/format";
import { readForm } from "~/lib/forms.server";
import { notFound, requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? t.live.reportPage.title(data.title) : t.common.appName }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, "live:moderate");
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  const r = await context.services.live.report(event.id);
  return json({ ...r, slug: event.slug });
}

/** Publishes the answered questions as an FAQ material in the library, then shows it. */
export async function action({ params, context, request }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, "live:moderate");
  await readForm(request, context);
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  try {
    const { slug } = await context.services.live.publishFaq(actor, event.id);
    return redirect(`/biblioteka/${slug}`);
  } catch (error) {
    // LiveFailure carries a Polish message meant for people; anything else is a server error.
    if (error instanceof Error && "code" in error) return json({ message: error.message }, { status: 400 });
    throw error;
  }
}

/** A short report of the room: peak participants, messages, questions and the share answered. */
export default function LiveReport() {
  const r = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <article aria-labelledby="report-title">
      <p className="card-meta breadcrumb">
        <Link to={`/wydarzenia/${r.slug}/na-zywo`}>{t.live.title}</Link>
      </p>
      <h1 id="report-title">{t.live.reportPage.title(r.title)}</h1>
      <dl className="facts">
        <dt>{t.live.reportPage.peak}</dt>
        <dd data-testid="peak">{formatNumber(r.peak)}</dd>
        <dt>{t.live.reportPage.messages}</dt>
        <dd>{formatNumber(r.messages)}</dd>
        <dt>{t.live.reportPage.questions}</dt>
        <dd>{formatNumber(r.questions)}</dd>
        <dt>{t.live.reportPage.answered}</dt>
        <dd>{formatNumber(r.answered)}</dd>
        <dt>{t.live.reportPage.share}</dt>
        <dd>{`${Math.round(r.shareAnswered * 100)}%`}</dd>
      </dl>
      <p>
        <a href={`/wydarzenia/${r.slug}/na-zywo/pytania.csv`}>{t.live.exportCsv}</a>
      </p>
      <Form method="post">
        <CsrfInput />
        <button type="submit" className="button">
          {t.live.publishFaq}
        </button>
      </Form>
      {result?.message ? (
        <p className="notice notice-warn" role="alert">
          {result.message}
        </p>
      ) : null}
    </article>
  );
}
