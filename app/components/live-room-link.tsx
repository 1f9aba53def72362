import { t } from "../../domain/i18n";

type Props = { slug: string; format: "online" | "onsite" | "hybrid"; kind: string; ended: boolean; roomUsed: boolean };

/**
 * Link from an event page to its live room (online and hybrid events only). After the end it no longer invites
 * anyone in; a room that was used stays reachable as its read-only archive.
 */
export function LiveRoomLink({ slug, format, kind, ended, roomUsed }: Props) {
  if (format === "onsite") return null;
  if (ended)
    return roomUsed ? (
      <p className="live-room-link">
        <a href={`/wydarzenia/${slug}/na-zywo`}>{t.live.archiveLink}</a>
      </p>
    ) : null;
  return (
    <p className="live-room-link">
      <a className="button button-secondary" href={`/wydarzenia/${slug}/na-zywo`}>
        {t.live.roomLink}
      </a>
      <br />
      <span className="field-hint">{t.live.roomLinkHint(kind === "webinar")}</span>
    </p>
  );
}
