import { Link } from "./link";
import { t } from "../../domain/i18n";
import { formatRange } from "~/lib/format";

export type EventCardData = {
  slug: string;
  title: string;
  kind: keyof typeof t.events.kinds;
  format: keyof typeof t.events.formats;
  startsAt: string;
  endsAt: string;
  place: string | null;
  status: string;
  seriesTitle: string | null;
  areas: { slug: string; name: string }[];
  markers?: { live: boolean; coDesign: boolean; roomUsed?: boolean };
};

/** Text badges (never colour alone) for a room live now and a programme being co-designed. */
export function EventMarkerBadges({ markers }: { markers?: EventCardData["markers"] }) {
  if (!markers || (!markers.live && !markers.coDesign)) return null;
  return (
    <>
      {markers.live ? (
        <>
          {" "}
          <span className="badge badge-live">{t.events.markers.live}</span>
        </>
      ) : null}
      {markers.coDesign ? (
        <>
          {" "}
          <span className="badge badge-codesign">{t.events.markers.coDesign}</span>
        </>
      ) : null}
    </>
  );
}

/** One event in a list: title as the link, then date, kind, format and areas. */
export function EventCard({ event, headingLevel = 3 }: { event: EventCardData; headingLevel?: 2 | 3 }) {
  const H = `h${headingLevel}` as const;
  return (
    <article className="card">
      <p className="card-meta">
        <span className="badge">{t.events.kinds[event.kind]}</span> {t.events.formats[event.format]}
        {event.status === "cancelled" ? (
          <>
            {" "}
            <span className="badge badge-red">{t.events.cancelled}</span>
          </>
        ) : null}
        <EventMarkerBadges markers={event.markers} />
      </p>
      <H>
        <Link to={`/wydarzenia/${event.slug}`}>{event.title}</Link>
      </H>
      <p className="card-meta">
        <time dateTime={event.startsAt}>{formatRange(event.startsAt, event.endsAt)}</time>
        {event.place ? ` · ${event.place}` : ""}
      </p>
      {event.seriesTitle ? <p className="card-meta">{t.events.series}: {event.seriesTitle}</p> : null}
      <p>
        {event.areas.map((a) => (
          <span key={a.slug} className="tag">
            {a.name}
          </span>
        ))}
      </p>
    </article>
  );
}
