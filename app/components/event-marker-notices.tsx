import { t } from "../../domain/i18n";

type Props = { slug: string; markers: { live: boolean; coDesign: boolean }; canCoDesign: boolean };

/** The top of an event page says at once that its room is live or its programme is being co-designed, with the way in. */
export function EventMarkerNotices({ slug, markers, canCoDesign }: Props) {
  if (!markers.live && !markers.coDesign) return null;
  return (
    <div className="event-markers">
      {markers.live ? (
        <p className="notice notice-live">
          {t.events.markers.liveNotice}{" "}
          <a href={`/wydarzenia/${slug}/na-zywo`} className="button button-small">
            {t.events.markers.liveEnter}
          </a>
        </p>
      ) : null}
      {markers.coDesign ? (
        <p className="notice notice-ok">
          {t.events.markers.coDesignNotice}{" "}
          {canCoDesign ? (
            <a href={`/wydarzenia/${slug}/program`} className="button button-small button-secondary">
              {t.agenda.published.workspaceLink}
            </a>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
