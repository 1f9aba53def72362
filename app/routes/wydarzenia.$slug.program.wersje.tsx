import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { can } from "~/lib/server-modules.server";
import { t } from "../../domain/i18n";
import { actorOf, notFound, requireUser } from "~/lib/guards.server";
import agendaStyles from "~/styles/agenda.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: agendaStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.agenda.history.heading}: ${data.title} — ${t.common.appName}` : t.common.appName }];

const dateFormat = new Intl.DateTimeFormat("pl-PL", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Warsaw" });
const dateFmt = (iso: string) => dateFormat.format(new Date(iso));

// Version history: published versions and periodic snapshots, with a preview; moderators restore from here.
export async function loader({ params, context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  const { events, agenda } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event) notFound();
  const actor = actorOf(context);
  if ((await agenda.access(actor, event)) === "none") throw json({ message: t.common.errors.forbidden }, { status: 403 });
  const history = await agenda.history(event.id);
  const ref = /^([vs])([0-9]{1,9})$/.exec(new URL(request.url).searchParams.get("podglad") ?? "");
  let preview: { ref: string; html: string } | null = null;
  if (ref) {
    const state = await agenda.stateOf(event.id, ref[1] === "v" ? { version: Number(ref[2]) } : { snapshot: Number(ref[2]) });
    if (state) preview = { ref: ref[0], html: (await agenda.renderState(state)).html };
  }
  return json({ slug: event.slug, title: event.title, canManage: can(actor, "agenda:manage"), ...history, preview });
}

export default function AgendaHistory() {
  const d = useLoaderData<typeof loader>();
  const h = t.agenda.history;
  const entry = (ref: string, label: string, extra?: string) => (
    <li key={ref}>
      {label}
      {extra ? <span className="field-hint"> · {extra}</span> : null} · <Link to={`?podglad=${ref}`}>{h.preview}<span className="visually-hidden">: {label}</span></Link>
      {d.canManage ? (
        <>
          {" · "}
          <Link to={`/wydarzenia/${d.slug}/program?przywroc=${ref}`}>
            {h.restore}
            <span className="visually-hidden">: {label}</span>
          </Link>
        </>
      ) : null}
    </li>
  );
  return (
    <article aria-labelledby="history-title" className="agenda-history">
      <p className="card-meta breadcrumb">
        <Link to={`/wydarzenia/${d.slug}/program`}>{h.back}</Link>
      </p>
      <h1 id="history-title">
        {h.heading}: {d.title}
      </h1>
      <div className="agenda-layout">
        <div>
          <h2>{h.versions}</h2>
          {d.versions.length ? <ul>{d.versions.map((v) => entry(`v${v.number}`, h.version(v.number), `${dateFmt(v.createdAt)}${v.publisherName ? `, ${h.by(v.publisherName)}` : ""}`))}</ul> : <p>{h.none}</p>}
          <h2>{h.snapshots}</h2>
          {d.snapshots.length ? <ul>{d.snapshots.map((s) => entry(`s${s.id}`, h.snapshot(dateFmt(s.createdAt))))}</ul> : <p>{h.none}</p>}
        </div>
        {d.preview ? (
          <section aria-labelledby="preview-h">
            <h2 id="preview-h">
              {h.preview}: {d.preview.ref}
            </h2>
            <div dangerouslySetInnerHTML={{ __html: d.preview.html }} />
          </section>
        ) : null}
      </div>
    </article>
  );
}
