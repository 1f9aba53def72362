import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { t } from "../../domain/i18n";
import { notFound } from "~/lib/guards.server";
import { useLiveRoom } from "~/realtime/live-room";
import { sortQuestions } from "~/realtime/live-store";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.live.presenter.title}: ${data.event.title}` : t.common.appName }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const event = await context.services.events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  return json({ event: { id: event.id, slug: event.slug, title: event.title } });
}

/** Large-type view for the panel: the pinned question, or else the most-voted open one, updated live. */
export default function PresenterView() {
  const { event } = useLoaderData<typeof loader>();
  const room = useLiveRoom(event.id);
  const qa = room.state?.threads.find((th) => th.kind === "qa");
  const store = qa ? room.threads[qa.id] : undefined;
  const open = store ? sortQuestions([...store.byId.values()].filter((m) => m.kind === "question" && m.parentId === null && !m.deleted && !m.hidden && !m.answered), "votes") : [];
  const [current, ...queue] = open;
  return (
    <article className="presenter" aria-labelledby="presenter-title">
      <p className="card-meta breadcrumb">
        <Link to={`/wydarzenia/${event.slug}/na-zywo`}>{t.live.title}</Link> / {event.title}
      </p>
      <h1 id="presenter-title">{t.live.presenter.title}</h1>
      <section aria-labelledby="presenter-current" aria-live="polite">
        <h2 id="presenter-current">{t.live.presenter.current}</h2>
        {current ? (
          <figure className="presenter-question">
            <blockquote>{current.body}</blockquote>
            <figcaption>
              {current.author ? t.live.presenter.by(current.author.name, current.author.city) : null} · {t.live.votes(current.votes)}
            </figcaption>
          </figure>
        ) : (
          <p className="presenter-none">{t.live.presenter.none}</p>
        )}
      </section>
      {queue.length ? (
        <section aria-labelledby="presenter-next">
          <h2 id="presenter-next">{t.live.presenter.next}</h2>
          <ol className="presenter-queue">
            {queue.slice(0, 5).map((m) => (
              <li key={m.id}>
                {m.body} <span className="live-muted">({t.live.votes(m.votes)})</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </article>
  );
}
