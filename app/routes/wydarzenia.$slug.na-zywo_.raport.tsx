import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { t } from "~/i18n";
import { formatNumber } from "~/lib/format";
import { notFound, requirePermission } from "~/lib/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? t.live.reportPage.title(data.title) : t.common.appName }];

export async function loader({ params, context, request }: LoaderFunctionArgs) {
  requirePermission(context, request, "live:moderate");
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  const r = await context.services.live.report(event.id);
  return json({ ...r, slug: event.slug });
}

/** A short report of the room: peak participants, messages, questions and the share answered. */
export default function LiveReport() {
  const r = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="report-title">
      <p className="card-meta">
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
        <dd>{Math.round(r.shareAnswered * 100)}%</dd>
      </dl>
    </article>
  );
}
