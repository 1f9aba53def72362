import { useRef, useState } from "react";
import type { LiveMessage } from "../../domain/live-protocol.js";
import { t } from "../../domain/i18n";
import { EDIT_WINDOW_MS } from "../../domain/live-timings";
import { LIVE_MESSAGE_MAX, LIVE_REASON_MAX } from "../../domain/live-limits";
import type { LiveRoom } from "~/realtime/live-room";
import { InlinePrompt } from "./live-inline-prompt";
import { Linkified } from "./live-linkify";

const timeFmt = new Intl.DateTimeFormat("pl-PL", { timeZone: "Europe/Warsaw", hour: "2-digit", minute: "2-digit" });

/** One message or question with the actions this person may take on it. */
export function LiveMessageItem({ m, room, onReply, onError }: { m: LiveMessage; room: LiveRoom; onReply?: (m: LiveMessage) => void; onError: (msg: string) => void }) {
  const { me, myVotes, actions } = room;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(m.body);
  const mine = me?.user && m.author?.id === me.user.id;
  const mod = me?.canModerate ?? false;
  const canWrite = me?.canWrite ?? false;
  const voted = myVotes.has(m.id);
  const run = async (p: Promise<{ ok: boolean; error?: { message: string } }>) => {
    const r = await p;
    if (!r.ok && r.error) onError(r.error.message);
    return r.ok;
  };
  const who = m.author ? (m.author.city ? `${m.author.name} (${m.author.city})` : m.author.name) : "—";
  const classes = ["live-msg", m.parentId ? "live-reply" : "", m.pinned ? "live-pinned" : "", m.answered ? "live-answered" : "", m.hidden ? "live-hidden" : ""].join(" ");

  return (
    <article className={classes} aria-label={`${who}, ${timeFmt.format(new Date(m.createdAt))}`} data-message-id={m.id}>
      <header className="live-msg-head">
        <strong>{who}</strong> <time dateTime={m.createdAt}>{timeFmt.format(new Date(m.createdAt))}</time>
        {m.edited && !m.deleted ? <span className="live-muted"> {t.live.edited}</span> : null}
        {m.pinned ? <span className="badge">{t.live.pinned}</span> : null}
        {m.answered ? <span className="badge badge-ok">{t.live.answered}</span> : null}
      </header>
      {m.deleted ? (
        <p className="live-muted">{t.live.deleted}</p>
      ) : m.hidden && !mod ? (
        <p className="live-muted">{t.live.hiddenForAll(m.hiddenReason)}</p>
      ) : editing ? (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            if (await run(actions.edit(m.id, draft))) setEditing(false);
          }}
        >
          <label className="visually-hidden" htmlFor={`edit-${m.id}`}>
            {t.live.edit}
          </label>
          <textarea id={`edit-${m.id}`} value={draft} maxLength={LIVE_MESSAGE_MAX} onChange={(e) => setDraft(e.target.value)} rows={2} />
          <div className="actions">
            <button type="submit" className="button button-small">
              {t.live.save}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setEditing(false)}>
              {t.live.cancel}
            </button>
          </div>
        </form>
      ) : (
        <p className="live-body">
          <Linkified text={m.body} />
          {m.hidden ? <span className="live-muted"> — {t.live.hiddenModNote}</span> : null}
        </p>
      )}
      {m.answer ? (
        <p className="live-answer">
          <strong>{t.live.answerLabel}:</strong> <Linkified text={m.answer} />
        </p>
      ) : null}
      {!m.deleted ? (
        <div className="live-msg-actions">
          {m.kind === "question" && !mine ? (
            <button
              type="button"
              className={`button button-small ${voted ? "" : "button-secondary"}`}
              aria-pressed={voted}
              disabled={!canWrite}
              onClick={() => void run(actions.vote(m.id, voted ? 0 : 1))}
            >
              {voted ? t.live.unvote : t.live.vote} · {t.live.votes(m.votes)}
            </button>
          ) : m.kind === "question" ? (
            <span className="live-muted">{t.live.votes(m.votes)}</span>
          ) : null}
          {canWrite && onReply && !m.parentId ? (
            <button type="button" className="link-button" onClick={() => onReply(m)}>
              {t.live.reply}
            </button>
          ) : null}
          {mine && canWrite && Date.now() - Date.parse(m.createdAt) < EDIT_WINDOW_MS && !m.hidden ? (
            <button type="button" className="link-button" onClick={() => (setDraft(m.body), setEditing(true))}>
              {t.live.edit}
            </button>
          ) : null}
          {(mine || mod) && canWrite ? (
            <button type="button" className="link-button" onClick={() => void run(actions.remove(m.id))}>
              {t.live.delete}
            </button>
          ) : null}
          {mod ? <ModeratorActions m={m} room={room} run={run} /> : null}
        </div>
      ) : null}
    </article>
  );
}

function ModeratorActions({ m, room, run }: { m: LiveMessage; room: LiveRoom; run: (p: Promise<{ ok: boolean; error?: { message: string } }>) => Promise<boolean> }) {
  const { actions } = room;
  // Which inline question is open (the written answer, or the reason for hiding), and the buttons to return focus to.
  const [asking, setAsking] = useState<"answer" | "hide" | null>(null);
  const answerButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const close = (then?: Promise<unknown>) => {
    const back = asking === "answer" ? answerButton : hideButton;
    setAsking(null);
    void Promise.resolve(then).then(() => back.current?.focus());
  };
  return (
    <>
      {m.kind === "question" ? (
        <button
          ref={answerButton}
          type="button"
          className="link-button"
          aria-expanded={m.answered ? undefined : asking === "answer"}
          onClick={() => (m.answered ? void run(actions.moderate(m.id, "unanswer")) : setAsking(asking === "answer" ? null : "answer"))}
        >
          {m.answered ? t.live.unmarkAnswered : t.live.markAnswered}
        </button>
      ) : null}
      <button type="button" className="link-button" onClick={() => void run(actions.moderate(m.id, m.pinned ? "unpin" : "pin"))}>
        {m.pinned ? t.live.unpin : t.live.pin}
      </button>
      <button
        ref={hideButton}
        type="button"
        className="link-button"
        aria-expanded={m.hidden ? undefined : asking === "hide"}
        onClick={() => (m.hidden ? void run(actions.moderate(m.id, "unhide")) : setAsking(asking === "hide" ? null : "hide"))}
      >
        {m.hidden ? t.live.unhide : t.live.hide}
      </button>
      {m.author && m.author.id !== room.me?.user?.id ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            if (window.confirm(t.live.removeConfirm(m.author!.name))) void run(actions.removeParticipant(m.author!.id));
          }}
        >
          {t.live.removeUser}
        </button>
      ) : null}
      {asking === "answer" ? (
        <InlinePrompt
          id={`answer-${m.id}`}
          label={t.live.answerText}
          confirm={t.live.answerSave}
          maxLength={LIVE_MESSAGE_MAX}
          multiline
          onConfirm={(answer) => close(run(actions.moderate(m.id, "answer", answer ? { answer } : {})))}
          onCancel={() => close()}
        />
      ) : null}
      {asking === "hide" ? (
        <InlinePrompt
          id={`hide-${m.id}`}
          label={t.live.hideReason}
          confirm={t.live.hideConfirm}
          maxLength={LIVE_REASON_MAX}
          onConfirm={(reason) => close(run(actions.moderate(m.id, "hide", reason ? { reason } : {})))}
          onCancel={() => close()}
        />
      ) : null}
    </>
  );
}
