import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { EventCard } from "~/components/event-card";
import { t } from "../../domain/i18n";
import { publicEventView } from "../../server/events/event-view.js";

export const meta: MetaFunction = () => [{ title: `${t.home.networksTitle} — ${t.common.appName}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  const { events } = context.services;
  const [upcoming, past] = await Promise.all([
    events.list({ when: "upcoming", kind: "network_meeting", limit: 20 }),
    events.list({ when: "past", kind: "network_meeting", limit: 20 }),
  ]);
  return json({ upcoming: upcoming.map(publicEventView), past: past.map(publicEventView) });
}

export default function Networks() {
  const { upcoming, past } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t.home.networksTitle}</h1>
      <p className="prose">{t.home.networksIntro}</p>
      <section aria-labelledby="net-upcoming">
        <h2 id="net-upcoming">{t.home.networksUpcoming}</h2>
        {upcoming.length ? (
          <div className="grid">
            {upcoming.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </div>
        ) : (
          <p className="empty-state">{t.home.networksEmpty}</p>
        )}
      </section>
      {past.length ? (
        <section aria-labelledby="net-past">
          <h2 id="net-past">{t.home.networksPast}</h2>
          <div className="grid">
            {past.map((e) => (
              <EventCard key={e.id} event={e} />
            ))}
          </div>
        </section>
      ) : null}
    </>
  );
}
