import { t } from "../../domain/i18n";

/** Link from an event page to its live room (online and hybrid events only). */
export function LiveRoomLink({ slug, format }: { slug: string; format: "online" | "onsite" | "hybrid" }) {
  if (format === "onsite") return null;
  return (
    <p className="live-room-link">
      <a className="button button-secondary" href={`/wydarzenia/${slug}/na-zywo`}>
        {t.live.roomLink}
      </a>
      <br />
      <span className="field-hint">{t.live.roomLinkHint}</span>
    </p>
  );
}
