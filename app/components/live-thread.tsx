import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import type { LiveMessage } from "../../domain/live-protocol.js";
import { t } from "../../domain/i18n";
import { LIVE_MESSAGE_MAX } from "../../domain/live-limits";
import type { LiveRoom } from "~/realtime/live-room";
import { sortQuestions, threadOrder } from "~/realtime/live-store";
import { LiveMessageItem } from "./live-message";

/** One thread: a virtualised list (thousands of messages stay smooth) and the composer. */
export function LiveThreadPanel({ room, threadId, kind }: { room: LiveRoom; threadId: number; kind: "qa" | "discussion" }) {
  const store = room.threads[threadId];
  const [sort, setSort] = useState<"votes" | "time">("votes");
  const [replyTo, setReplyTo] = useState<LiveMessage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const items = useMemo(() => {
    if (!store) return [];
    if (kind !== "qa") return threadOrder(store);
    // Q&A: questions sorted, each followed by its replies in time order.
    const ordered = threadOrder(store);
    const roots = sortQuestions(ordered.filter((m) => m.parentId === null), sort);
    return roots.flatMap((r) => [r, ...ordered.filter((m) => m.parentId === r.id)]);
  }, [store, kind, sort]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scrollRef.current, estimateSize: () => 96, overscan: 8, getItemKey: (i) => items[i].id });
  const typingNames = Object.values(room.typing[threadId] ?? {}).map((p) => p.name);

  // Discussions read like a chat: follow new messages while the reader is at the bottom, never yank them away
  // from what they are reading further up. Q&A lists are sorted, so they stay where they are.
  const atBottom = useRef(true);
  useEffect(() => {
    if (kind === "discussion" && atBottom.current && items.length) virtualizer.scrollToIndex(items.length - 1, { align: "end" });
  }, [items.length, kind, virtualizer]);

  return (
    <div className="live-thread">
      {kind === "qa" ? (
        <div className="live-sort" role="group" aria-label={t.live.sortBy}>
          <button type="button" className={`button button-small ${sort === "votes" ? "" : "button-secondary"}`} aria-pressed={sort === "votes"} onClick={() => setSort("votes")}>
            {t.live.sortVotes}
          </button>
          <button type="button" className={`button button-small ${sort === "time" ? "" : "button-secondary"}`} aria-pressed={sort === "time"} onClick={() => setSort("time")}>
            {t.live.sortTime}
          </button>
        </div>
      ) : null}
      <div
        ref={scrollRef}
        onScroll={(e) => {
          const el = e.currentTarget;
          atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
        }}
        className="live-scroll"
        tabIndex={0}
        role="region" aria-busy={!store} aria-label={kind === "qa" ? t.live.qaTitle : t.live.threads}>
        {items.length === 0 ? <p className="live-muted live-empty">{emptyText(kind, room)}</p> : null}
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((v) => (
            <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: "absolute", top: 0, left: 0, width: "100%", transform: `translateY(${v.start}px)` }}>
              <LiveMessageItem m={items[v.index]} room={room} onReply={setReplyTo} onError={setError} />
            </div>
          ))}
        </div>
      </div>
      <p className="live-typing live-muted" aria-hidden="true">
        {typingNames.length ? t.live.typing(typingNames) : "\u00a0"}
      </p>
      {error ? (
        <p className="notice notice-warn" role="alert">
          {error}
        </p>
      ) : null}
      {room.me?.canWrite ? <Composer room={room} threadId={threadId} kind={kind} replyTo={replyTo} clearReply={() => setReplyTo(null)} onError={setError} /> : null}
    </div>
  );
}

/** An empty thread invites a first message only when this person could write one now. */
function emptyText(kind: "qa" | "discussion", room: LiveRoom): string {
  if (!room.me?.canWrite) return kind === "qa" ? t.live.emptyQaClosed : t.live.emptyClosed;
  return kind === "qa" ? t.live.emptyQa : t.live.empty;
}

function Composer({ room, threadId, kind, replyTo, clearReply, onError }: { room: LiveRoom; threadId: number; kind: "qa" | "discussion"; replyTo: LiveMessage | null; clearReply: () => void; onError: (m: string | null) => void }) {
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const id = `composer-${threadId}`;
  // "Odpowiedz" takes the person to the box they are about to type in, not to the top of the page.
  useEffect(() => {
    if (!replyTo) return;
    field.current?.focus({ preventScroll: true });
    field.current?.scrollIntoView({ block: "nearest" });
  }, [replyTo]);
  const label = replyTo ? t.live.composerReply(replyTo.author?.name ?? "—") : kind === "qa" ? t.live.composerQuestion : t.live.composerComment;
  return (
    <form
      className="live-composer"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!body.trim()) return;
        setBusy(true);
        const r = await room.actions.send(threadId, body, kind === "qa" ? "question" : "comment", replyTo?.id);
        setBusy(false);
        if (r.ok) {
          setBody("");
          clearReply();
          onError(null);
        } else onError(r.error.message);
      }}
    >
      <label htmlFor={id}>{label}</label>
      <textarea
        ref={field}
        id={id}
        value={body}
        maxLength={LIVE_MESSAGE_MAX}
        rows={2}
        onChange={(e) => {
          setBody(e.target.value);
          room.actions.typing(threadId);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            e.currentTarget.form?.requestSubmit();
          }
        }}
      />
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {kind === "qa" && !replyTo ? t.live.ask : t.live.send}
        </button>
        {replyTo ? (
          <button type="button" className="button button-secondary" onClick={clearReply}>
            {t.live.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}
