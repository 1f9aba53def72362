import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { t } from "../../domain/i18n";
import { formatRange } from "~/lib/format";
import { actorOf, notFound } from "~/lib/guards.server";
import agendaStyles from "~/styles/agenda.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.agenda.print.heading(data.title)} — ${t.common.appName}` : t.common.appName }];

// Print-friendly programme: the published version for everyone; co-designers can print the current draft (?szkic=1).
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  const { events, agenda } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  // A printed sheet travels without the event page: it names its own date, form and venue.
  const facts = { startsAt: event.startsAt, endsAt: event.endsAt, format: event.format, place: event.place };
  const wantsDraft = new URL(request.url).searchParams.get("szkic") === "1";
  const access = await agenda.access(actorOf(context), event);
  if (wantsDraft && access !== "none") {
    const html = await agenda.renderHtml(await agenda.current(event.id));
    return json({ slug: event.slug, title: event.title, facts, html, draft: true, number: null as number | null });
  }
  const published = await agenda.published(event.id);
  return json({ slug: event.slug, title: event.title, facts, html: published?.html ?? null, draft: false, number: published?.number ?? null });
}

export default function AgendaPrint() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="agenda-print" aria-labelledby="print-title">
      <p className="no-print actions">
        <Link to={`/wydarzenia/${data.slug}`}>{data.title}</Link>
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          {t.agenda.print.printButton}
        </button>
      </p>
      <h1 id="print-title">{t.agenda.print.heading(data.title)}</h1>
      <dl className="facts agenda-print-facts">
        <dt>{t.events.when}</dt>
        <dd>
          <time dateTime={data.facts.startsAt}>{formatRange(data.facts.startsAt, data.facts.endsAt)}</time> ({t.agenda.print.timeZone})
        </dd>
        <dt>{t.events.where}</dt>
        <dd>{data.facts.place ? data.facts.place : t.events.formats[data.facts.format]}</dd>
      </dl>
      {data.draft ? <p className="notice notice-warn">{t.agenda.print.draft}</p> : null}
      {data.html ? <div dangerouslySetInnerHTML={{ __html: data.html }} /> : <p>{t.agenda.published.none}</p>}
    </article>
  );
}
