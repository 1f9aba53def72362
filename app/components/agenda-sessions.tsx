import { useEffect, useRef, useState } from "react";
import * as Y from "yjs";
import { AgendaLibraryPicker } from "~/components/agenda-library-picker";
import { AgendaRichText } from "~/components/agenda-rich-text.client";
import { t } from "../../domain/i18n";
import { LOCAL_ORIGIN, type AgendaConnection, type PresenceEntry, type PresenceUser } from "~/realtime/agenda-connection";
import { SESSION_KINDS, agendaRoots, appendSession, createSessionMap, moveSessionTo, orderedSessions, readSession, type SessionKind, type Speaker } from "../../domain/agenda-doc";

type Props = {
  conn: AgendaConnection;
  user: PresenceUser;
  readOnly: boolean;
  areas: { slug: string; name: string }[];
  presence: PresenceEntry[];
  announce: (msg: string) => void;
  /** Where titles of linked library items are looked up. */
  titlesUrl: string;
};

const s = t.agenda.sessions;

/** Moves the block at programme position `from` to `to` in one tracked transaction (the block keeps its identity). */
export function moveSession(doc: Y.Doc, from: number, to: number): void {
  doc.transact(() => moveSessionTo(doc, from, to), LOCAL_ORIGIN);
}

function speakersToText(list: Speaker[]): string {
  return list.map((p) => (p.affiliation ? `${p.name}, ${p.affiliation}` : p.name)).join("\n");
}

function textToSpeakers(text: string): Speaker[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 50)
    .map((line) => {
      const [name, ...rest] = line.split(",");
      return { name: name.trim(), affiliation: rest.join(",").trim() };
    });
}

/** The ordered session blocks: add, edit, reorder (drag or buttons), delete with undo. */
export function AgendaSessions({ conn, user, readOnly, areas, presence, announce, titlesUrl }: Props) {
  const { doc } = conn;
  const list = agendaRoots(doc).sessions;
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  // The block just deleted: a visible note with an undo button, which takes the focus the gone block's button had.
  const [removed, setRemoved] = useState<{ title: string; left: number } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (removed !== null) undoButton.current?.focus();
  }, [removed]);
  const maps = orderedSessions(doc);
  // The note goes once the programme changes in another way (e.g. the general "Cofnij" brought the block back).
  const removedNote = removed !== null && removed.left === maps.length ? removed.title : null;

  // Each structural action is its own undo step (typing in a field still merges within the capture window).
  const step = () => conn.undo.stopCapturing();
  const add = () => {
    setRemoved(null);
    step();
    doc.transact(() => appendSession(doc, createSessionMap({ kind: "panel" })), LOCAL_ORIGIN);
    step();
  };
  const set = (m: Y.Map<unknown>, key: string, value: unknown) => doc.transact(() => m.set(key, value), LOCAL_ORIGIN);
  const remove = (i: number, title: string) => {
    step();
    doc.transact(() => list.delete(list.toArray().indexOf(maps[i]), 1), LOCAL_ORIGIN);
    step();
    setRemoved({ title: title || s.untitled, left: maps.length - 1 });
  };
  const undoRemove = () => {
    conn.undo.undo();
    setRemoved(null);
  };
  const move = (from: number, to: number, title: string) => {
    step();
    moveSession(doc, from, to);
    step();
    announce(s.moved(title || s.untitled, to + 1));
    requestAnimationFrame(() => document.getElementById(`session-${to}-${to < from ? "up" : "down"}`)?.focus());
  };
  const editing = (id: string) => conn.provider.awareness.setLocalStateField("editing", id);

  return (
    <section aria-labelledby="agenda-sessions-h" className="agenda-sessions">
      <h2 id="agenda-sessions-h">{s.heading}</h2>
      {removedNote !== null ? (
        <p className="notice notice-ok agenda-removed" role="status">
          {s.removed(removedNote)}{" "}
          <button type="button" ref={undoButton} className="button-small button-secondary" onClick={undoRemove}>
            {s.undoRemove}
          </button>
        </p>
      ) : null}
      {maps.length === 0 ? <p>{s.empty}</p> : null}
      <ol className="agenda-session-list">
        {maps.map((m, i) => {
          const v = readSession(m);
          const here = presence.filter((p) => !p.self && p.editing === v.id);
          const description = m.get("description");
          const idp = `s-${v.id}`;
          return (
            <li
              key={v.id}
              className={`agenda-session${dragFrom === i ? " dragging" : ""}`}
              onDragOver={(e) => !readOnly && dragFrom !== null && e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (dragFrom !== null) move(dragFrom, i, readSession(maps[dragFrom]).title);
                setDragFrom(null);
              }}
              onFocusCapture={() => editing(v.id)}
              data-session-id={v.id}
            >
              <div className="agenda-session-head">
                {!readOnly ? (
                  <span className="drag-handle" draggable onDragStart={() => setDragFrom(i)} onDragEnd={() => setDragFrom(null)} title={s.dragHandle(v.title || s.untitled)} aria-hidden="true">
                    ⠿
                  </span>
                ) : null}
                <h3>
                  {i + 1}. {v.title || s.untitled}
                </h3>
                {here.length ? (
                  <ul className="agenda-editing" aria-label={t.agenda.presence.editingHere}>
                    {here.map((p) => (
                      <li key={p.clientId} style={{ borderColor: p.user.color }}>
                        {p.user.name}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {!readOnly ? (
                  <div className="agenda-session-tools">
                    <button type="button" id={`session-${i}-up`} className="button-small button-secondary" disabled={i === 0} onClick={() => move(i, i - 1, v.title)}>
                      ↑<span className="visually-hidden"> {s.moveUp}: {v.title || s.untitled}</span>
                    </button>
                    <button type="button" id={`session-${i}-down`} className="button-small button-secondary" disabled={i === maps.length - 1} onClick={() => move(i, i + 1, v.title)}>
                      ↓<span className="visually-hidden"> {s.moveDown}: {v.title || s.untitled}</span>
                    </button>
                    <button type="button" className="button-small button-secondary" onClick={() => remove(i, v.title)}>
                      {s.remove}
                      <span className="visually-hidden">: {v.title || s.untitled}</span>
                    </button>
                  </div>
                ) : null}
              </div>
              {v.backers?.length ? (
                <p className="agenda-backers">
                  {t.surveys.backedBy(v.backerNames?.length ? v.backerNames : v.backers)} · {t.agenda.published.askedBy(v.backers.length)}
                </p>
              ) : null}
              <div className="agenda-session-fields">
                <div className="field field-title">
                  <label htmlFor={`${idp}-title`}>{s.title}</label>
                  <input id={`${idp}-title`} value={v.title} readOnly={readOnly} maxLength={300} onChange={(e) => set(m, "title", e.target.value)} />
                </div>
                <div className="field field-time">
                  <label htmlFor={`${idp}-start`}>{s.start}</label>
                  <input id={`${idp}-start`} type="time" value={v.start} readOnly={readOnly} onChange={(e) => set(m, "start", e.target.value)} />
                </div>
                <div className="field field-time">
                  <label htmlFor={`${idp}-end`}>{s.end}</label>
                  <input id={`${idp}-end`} type="time" value={v.end} readOnly={readOnly} onChange={(e) => set(m, "end", e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${idp}-kind`}>{s.kind}</label>
                  <select id={`${idp}-kind`} value={v.kind} disabled={readOnly} onChange={(e) => set(m, "kind", e.target.value as SessionKind)}>
                    {SESSION_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t.agenda.kinds[k]}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={`${idp}-area`}>{s.area}</label>
                  <select id={`${idp}-area`} value={v.area} disabled={readOnly} onChange={(e) => set(m, "area", e.target.value)}>
                    <option value="">{s.noArea}</option>
                    {areas.map((a) => (
                      <option key={a.slug} value={a.slug}>
                        {a.name}
                      </option>
                    ))}
                  </select>
                </div>
                <div className="field field-wide">
                  <label htmlFor={`${idp}-speakers`}>{s.speakers}</label>
                  <textarea id={`${idp}-speakers`} rows={2} readOnly={readOnly} defaultValue={speakersToText(v.speakers)} key={speakersToText(v.speakers)} onBlur={(e) => set(m, "speakers", textToSpeakers(e.target.value))} />
                </div>
                <div className="field field-wide">
                  <AgendaLibraryPicker ids={v.libraryItemIds} titlesUrl={titlesUrl} readOnly={readOnly} announce={announce} onChange={(ids) => set(m, "libraryItemIds", ids)} />
                </div>
                <div className="field field-wide">
                  <span className="field-label" id={`${idp}-desc-label`}>
                    {s.description}
                  </span>
                  {description instanceof Y.XmlFragment ? (
                    <AgendaRichText fragment={description} provider={conn.provider} user={user} label={`${s.description}: ${v.title || s.untitled}`} id={`${idp}-desc`} readOnly={readOnly} onFocus={() => editing(v.id)} />
                  ) : null}
                </div>
              </div>
            </li>
          );
        })}
      </ol>
      {!readOnly ? (
        <button type="button" className="button" onClick={add}>
          {s.add}
        </button>
      ) : null}
    </section>
  );
}
