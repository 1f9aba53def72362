import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { AgendaProposals } from "~/components/agenda-proposals";
import { AgendaRichText } from "~/components/agenda-rich-text.client";
import { AgendaSessions } from "~/components/agenda-sessions";
import { t } from "../../domain/i18n";
import { LOCAL_ORIGIN, useAgendaConnection, usePresence, useYChanges, type AgendaConnection, type PresenceUser } from "~/realtime/agenda-connection";
import { agendaRoots, extractAgenda, readSession, replaceContent } from "../../domain/agenda-doc";

export type WorkspaceProps = {
  docName: string;
  user: PresenceUser;
  readOnly: boolean;
  canManage: boolean;
  dotsBudget: number;
  areas: { slug: string; name: string }[];
  publishedJson: string | null;
  /** URL of a stored state to restore into the document (moderator, after confirming the restore form). */
  restoreFrom: string | null;
  /** Where titles of linked library items are looked up. */
  titlesUrl: string;
};

const a = t.agenda;

function StatusLine({ conn, readOnly, closedNow, unpublished }: { conn: AgendaConnection; readOnly: boolean; closedNow: boolean; unpublished: boolean | null }) {
  const text =
    conn.closedCode !== null
      ? a.status.closed(conn.closedCode)
      : conn.status !== "connected"
        ? conn.status === "connecting" && !conn.localLoaded
          ? a.status.connecting
          : a.status.offline
        : conn.synced
          ? a.status.synced
          : a.status.syncing;
  return (
    <div className="agenda-status" role="status" aria-live="polite">
      <span className={`agenda-status-dot ${conn.status === "connected" && conn.synced ? "ok" : "off"}`} aria-hidden="true" />
      <span data-testid="agenda-sync-status">{text}</span>
      {closedNow ? (
        <span className="agenda-badge warn" data-testid="agenda-access-notice">
          {a.status.editingClosed}
        </span>
      ) : readOnly ? (
        <span className="agenda-badge">{a.status.readOnly}</span>
      ) : null}
      {unpublished !== null ? (
        <span className={`agenda-badge ${unpublished ? "warn" : ""}`} data-testid="agenda-publish-state">
          {unpublished ? a.status.unpublished : a.status.upToDate}
        </span>
      ) : null}
    </div>
  );
}

/** The live co-design workspace (browser only: loaded after hydration). */
export default function AgendaWorkspace(props: WorkspaceProps) {
  const { docName, user, readOnly: readOnlyByRole, canManage, dotsBudget, areas, publishedJson, restoreFrom, titlesUrl } = props;
  const conn = useAgendaConnection(docName, user);
  const roots = conn ? agendaRoots(conn.doc) : undefined;
  useYChanges(roots?.sessions, roots?.proposals, roots?.meta);
  const presence = usePresence(conn?.provider);
  const [message, setMessage] = useState("");
  const [undoState, setUndoState] = useState({ undo: false, redo: false });
  const restored = useRef<string | null>(null);
  // The server's word (sent on connect and when co-design closes or reopens while connected) overrides what the page
  // was loaded with: an editor whose edits the server no longer takes must not keep showing them as if saved.
  const serverAccess = conn?.access ?? null;
  const readOnly = (serverAccess ? serverAccess === "read" : readOnlyByRole) || (conn?.closedCode ?? null) !== null;
  // Editing was closed since this page was opened (the page itself offered editing).
  const closedNow = !readOnlyByRole && serverAccess === "read";
  const lastAccess = useRef<string | null>(null);

  useEffect(() => {
    if (serverAccess === "edit" && lastAccess.current === "read") setMessage(a.status.editingReopened);
    lastAccess.current = serverAccess;
  }, [serverAccess]);

  useEffect(() => {
    if (!conn) return;
    const sync = () => setUndoState({ undo: conn.undo.undoStack.length > 0, redo: conn.undo.redoStack.length > 0 });
    conn.undo.on("stack-item-added", sync);
    conn.undo.on("stack-item-popped", sync);
    return () => {
      conn.undo.off("stack-item-added", sync);
      conn.undo.off("stack-item-popped", sync);
    };
  }, [conn]);

  useEffect(() => {
    if (!conn || !conn.synced || !restoreFrom || restored.current === restoreFrom || readOnly) return;
    restored.current = restoreFrom;
    void fetch(restoreFrom, { credentials: "same-origin" })
      .then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(String(r.status)))))
      .then((buf) => {
        const source = new Y.Doc();
        Y.applyUpdate(source, new Uint8Array(buf));
        replaceContent(conn.doc, source, LOCAL_ORIGIN);
        source.destroy();
        setMessage(a.history.restored);
      })
      .catch(() => setMessage(a.status.closed(0)));
  }, [conn, restoreFrom, readOnly]);

  if (!conn || !roots) return <p>{a.loading}</p>;

  const unpublished = publishedJson === null ? (canManage ? true : null) : JSON.stringify(extractAgenda(conn.doc)) !== publishedJson;
  const editingTitle = (id: string | null) => {
    if (!id) return null;
    const m = roots.sessions.toArray().find((s) => s.get("id") === id);
    return m ? readSession(m).title || a.sessions.untitled : id === "notes" ? a.notes.heading : null;
  };

  return (
    <div className="agenda-workspace">
      <StatusLine conn={conn} readOnly={readOnly} closedNow={closedNow} unpublished={canManage ? unpublished : null} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message ? <p className="notice notice-ok">{message}</p> : null}
      <div className="agenda-layout">
        <div className="agenda-main">
          {!readOnly ? (
            <div className="actions agenda-undo">
              <button type="button" className="button-small button-secondary" disabled={!undoState.undo} onClick={() => conn.undo.undo()}>
                {a.undo}
              </button>
              <button type="button" className="button-small button-secondary" disabled={!undoState.redo} onClick={() => conn.undo.redo()}>
                {a.redo}
              </button>
            </div>
          ) : null}
          <AgendaSessions conn={conn} user={user} readOnly={readOnly} areas={areas} presence={presence} announce={setMessage} titlesUrl={titlesUrl} />
          <AgendaProposals conn={conn} user={user} readOnly={readOnly} canManage={canManage} dotsBudget={dotsBudget} areas={areas} announce={setMessage} />
          <section aria-labelledby="agenda-notes-h" className="agenda-notes" onFocusCapture={() => conn.provider.awareness.setLocalStateField("editing", "notes")}>
            <h2 id="agenda-notes-h">{a.notes.heading}</h2>
            <AgendaRichText fragment={roots.notes} provider={conn.provider} user={user} label={a.notes.label} id="agenda-notes" readOnly={readOnly} />
          </section>
        </div>
        <aside className="agenda-presence" aria-labelledby="agenda-presence-h">
          <h2 id="agenda-presence-h">{a.presence.heading}</h2>
          <ul data-testid="agenda-presence">
            {presence.map((p) => (
              <li key={p.clientId}>
                <span className="agenda-swatch" style={{ background: p.user.color }} aria-hidden="true" />
                <span>
                  {p.user.name} {p.self ? a.presence.you : ""}
                  {p.user.city ? <span className="field-hint"> · {p.user.city}</span> : null}
                  {editingTitle(p.editing) ? <span className="field-hint"> · {a.presence.editing(editingTitle(p.editing) as string)}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </div>
  );
}
