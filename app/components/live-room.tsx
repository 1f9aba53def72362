import { useSearchParams } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { LiveMessage } from "../../domain/live-protocol.js";
import { t } from "../../domain/i18n";
import { LIVE_THREAD_TITLE_MAX } from "../../domain/live-limits";
import { useLiveRoom, type LiveRoom } from "~/realtime/live-room";
import { LiveStreamFrame } from "./live-stream-frame";
import { LiveThreadPanel } from "./live-thread";

const timeFmt = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });

/** The live room: stream on one side, threads on the other; stacks on a phone. */
export function LiveRoomView({ eventId, slug, stream }: { eventId: number; slug: string; stream: { url: string | null; embeddable: boolean; visible: boolean } }) {
  const announcer = useAnnouncer();
  const room = useLiveRoom(eventId, { onNew: announcer.push });
  // ?watek=<id> (links from the search archive) opens that thread first.
  const [params] = useSearchParams();
  const [active, setActive] = useState<number | null>(Number(params.get("watek")) || null);
  const threads = room.state?.threads ?? [];
  const current = threads.find((th) => th.id === active) ?? threads[0];

  return (
    <div className="live-layout">
      <section className="live-stream" aria-labelledby="live-stream-title">
        <h2 id="live-stream-title">{t.live.stream}</h2>
        {stream.visible && stream.url ? (
          <LiveStreamFrame url={stream.url} embeddable={stream.embeddable} />
        ) : (
          <p className="live-muted">{t.live.streamNone}</p>
        )}
        <RoomStatusLine room={room} />
        <PresenceBox room={room} />
        {room.me?.canModerate ? <ModeratorBar room={room} slug={slug} /> : null}
      </section>
      <section className="live-threads" aria-labelledby="live-threads-title">
        <h2 id="live-threads-title">{t.live.threads}</h2>
        {threads.length > 1 ? (
          <div className="tabs" role="tablist" aria-label={t.live.threads}>
            {threads.map((th) => (
              <button key={th.id} type="button" role="tab" id={`tab-${th.id}`} aria-selected={th.id === current?.id} aria-controls={`panel-${th.id}`} className="live-tab" onClick={() => setActive(th.id)}>
                {th.title}
              </button>
            ))}
          </div>
        ) : null}
        {current ? (
          <div role={threads.length > 1 ? "tabpanel" : undefined} id={`panel-${current.id}`} aria-labelledby={threads.length > 1 ? `tab-${current.id}` : "live-threads-title"}>
            <h3>{current.title}</h3>
            <LiveThreadPanel key={current.id} room={room} threadId={current.id} kind={current.kind} />
          </div>
        ) : (
          <p className="live-muted">{t.live.connection.connecting}</p>
        )}
        {!room.me?.user && (room.state?.status === "open" || room.state?.status === "waiting") ? (
          <p className="notice">
            <a href={`/login?next=${encodeURIComponent(`/wydarzenia/${slug}/na-zywo`)}`}>{t.live.signInToWrite}</a>
          </p>
        ) : null}
        {room.removed ? <p className="notice notice-warn">{t.live.removedNotice}</p> : null}
      </section>
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcer.text}
      </div>
    </div>
  );
}

function RoomStatusLine({ room }: { room: LiveRoom }) {
  const s = room.state;
  const conn = t.live.connection[room.connection];
  if (!s) return <p className="live-status">{conn}</p>;
  const text = s.status === "waiting" ? t.live.status.waiting(timeFmt.format(new Date(s.opensAt))) : t.live.status[s.status];
  return (
    <p className={`live-status live-status-${s.status}`}>
      <span className={`live-dot live-dot-${room.connection}`} aria-hidden="true" /> {conn}. {text}
    </p>
  );
}

function PresenceBox({ room }: { room: LiveRoom }) {
  const p = room.presence;
  if (!p) return null;
  // Anonymous visitors get the count only (no names or cities), so there is no list to open.
  if (!room.me?.user) return <p className="live-presence">{t.live.presence(p.count)}</p>;
  const guests = p.count - p.people.length;
  return (
    <details className="live-presence">
      <summary>{t.live.presence(p.count)}</summary>
      <h3 className="visually-hidden">{t.live.presenceList}</h3>
      <ul className="plain-list">
        {p.people.map((u) => (
          <li key={u.id}>
            {u.name}
            {u.city ? <span className="live-muted">, {u.city}</span> : null}
          </li>
        ))}
      </ul>
      {guests > 0 ? <p className="live-muted">{t.live.anonymousGuests(guests)}</p> : null}
    </details>
  );
}

function ModeratorBar({ room, slug }: { room: LiveRoom; slug: string }) {
  const [title, setTitle] = useState("");
  const [msg, setMsg] = useState<string | null>(null);
  const base = `/wydarzenia/${slug}/na-zywo`;
  return (
    <section className="aside-box live-mod" aria-labelledby="live-mod-title">
      <h3 id="live-mod-title">{t.live.moderation}</h3>
      <div className="actions">
        <button type="button" className="button button-small" onClick={() => void room.actions.control("open")}>
          {t.live.openRoom}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => void room.actions.control("close")}>
          {t.live.closeRoom}
        </button>
        <button type="button" className="button button-small button-secondary" onClick={() => void room.actions.control("auto")}>
          {t.live.autoRoom}
        </button>
      </div>
      <form
        className="live-new-thread"
        onSubmit={async (e) => {
          e.preventDefault();
          const r = await room.actions.createThread(title);
          if (r.ok) setTitle("");
          setMsg(r.ok ? null : r.error.message);
        }}
      >
        <label htmlFor="live-thread-title">{t.live.newThreadTitle}</label>
        <input id="live-thread-title" value={title} maxLength={LIVE_THREAD_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} required />
        <button type="submit" className="button button-small">
          {t.live.createThread}
        </button>
      </form>
      {msg ? (
        <p className="notice notice-warn" role="alert">
          {msg}
        </p>
      ) : null}
      <ul className="plain-list">
        <li>
          <a href={`${base}/prezenter`}>{t.live.presenterView}</a>
        </li>
        <li>
          <a href={`${base}/pytania.csv`}>{t.live.exportCsv}</a>
        </li>
        <li>
          <a href={`${base}/raport`}>{t.live.report}</a>
        </li>
      </ul>
    </section>
  );
}

/** Batches new-message announcements: at most one polite announcement every few seconds. */
function useAnnouncer() {
  const [text, setText] = useState("");
  const pending = useRef(0);
  useEffect(() => {
    const timer = setInterval(() => {
      if (pending.current === 0) return;
      setText(t.live.newMessagesAnnounce(pending.current));
      pending.current = 0;
    }, 4000);
    return () => clearInterval(timer);
  }, []);
  return { text, push: (added: LiveMessage[]) => void (pending.current += added.length) };
}
