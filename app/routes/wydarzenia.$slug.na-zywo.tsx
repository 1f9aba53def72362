import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { maySeeJoinLink } from "~/lib/server-modules.server";
import { LiveRoomView } from "~/components/live-room";
import { t } from "../../domain/i18n";
import { actorOf, notFound } from "~/lib/guards.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${t.live.pageTitle(data.event.title)} – ${t.common.appName}` : t.common.appName }];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { events } = context.services;
  const event = await events.bySlug(params.slug ?? "");
  if (!event || event.format === "onsite") notFound();
  const actor = actorOf(context);
  const registration = await events.registrationState(actor, event.id);
  // The stream link follows the event page's rule: confirmed participants and staff see it.
  const visible = maySeeJoinLink(actor, registration?.status);
  const url = event.joinUrl;
  return json({
    event: { id: event.id, slug: event.slug, title: event.title },
    stream: { url: visible ? url : null, embeddable: Boolean(url && url.startsWith("https://")), visible },
  });
}

export default function LiveRoomPage() {
  const { event, stream } = useLoaderData<typeof loader>();
  return (
    <article aria-labelledby="live-title" className="live-page">
      <p className="card-meta breadcrumb">
        <Link to="/wydarzenia">{t.events.title}</Link> / <Link to={`/wydarzenia/${event.slug}`}>{event.title}</Link>
      </p>
      <h1 id="live-title">{t.live.pageTitle(event.title)}</h1>
      <LiveRoomView eventId={event.id} slug={event.slug} stream={stream} />
    </article>
  );
}
