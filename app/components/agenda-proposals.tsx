import { useState, type FormEvent } from "react";
import * as Y from "yjs";
import { t } from "../../domain/i18n";
import { LOCAL_ORIGIN, type AgendaConnection, type PresenceUser } from "~/realtime/agenda-connection";
import { agendaRoots, appendSession, createProposalMap, createSessionMap, dotsSpent, readProposal } from "../../domain/agenda-doc";

type Props = {
  conn: AgendaConnection;
  user: PresenceUser;
  readOnly: boolean;
  canManage: boolean;
  dotsBudget: number;
  areas: { slug: string; name: string }[];
  announce: (msg: string) => void;
};

const p = t.agenda.proposals;

/** Topic proposals with dot voting (a fixed budget per person), sorted by votes; moderators turn one into a session. */
export function AgendaProposals({ conn, user, readOnly, canManage, dotsBudget, areas, announce }: Props) {
  const { doc } = conn;
  const roots = agendaRoots(doc);
  const [form, setForm] = useState({ title: "", why: "", area: "" });
  const budget = typeof roots.meta.get("dotsBudget") === "number" ? (roots.meta.get("dotsBudget") as number) : dotsBudget;
  const spent = dotsSpent(doc, user.id);
  const left = Math.max(0, budget - spent);
  const items = roots.proposals
    .toArray()
    .map((m, index) => ({ m, index, v: readProposal(m) }))
    .sort((a, b) => b.v.total - a.v.total || a.index - b.index);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.title.trim()) return;
    // The author and their city come from the session: the server writes them on every new proposal anyway.
    doc.transact(
      () =>
        roots.proposals.push([
          createProposalMap({ title: form.title.trim().slice(0, 300), why: form.why.trim().slice(0, 2000), area: form.area, city: user.city, authorId: user.id, authorName: user.name }),
        ]),
      LOCAL_ORIGIN,
    );
    setForm({ title: "", why: "", area: "" });
  };
  const vote = (m: Y.Map<unknown>, delta: 1 | -1) => {
    const votes = m.get("votes");
    if (!(votes instanceof Y.Map)) return;
    const mine = Number(votes.get(String(user.id)) ?? 0);
    if (delta > 0 && left <= 0) return;
    if (delta < 0 && mine <= 0) return;
    doc.transact(() => votes.set(String(user.id), mine + delta), LOCAL_ORIGIN);
  };
  const toSession = (index: number) => {
    conn.undo.stopCapturing();
    const v = readProposal(roots.proposals.get(index));
    doc.transact(() => {
      // A survey proposal's backers go with it, so the published programme can say how many cities asked for it.
      appendSession(doc, createSessionMap({ title: v.title, area: v.area, kind: "discussion", description: v.why, backers: v.backers, backerNames: v.backerNames }));
      roots.proposals.delete(index, 1);
    }, LOCAL_ORIGIN);
    announce(`${p.toSession}: ${v.title}`);
  };

  return (
    <section aria-labelledby="agenda-proposals-h" className="agenda-proposals">
      <h2 id="agenda-proposals-h">{p.heading}</h2>
      {!readOnly ? (
        <p className="agenda-dots" aria-live="polite">
          {p.dots(left, budget)}
        </p>
      ) : null}
      {items.length === 0 ? <p>{p.empty}</p> : null}
      <ol className="agenda-proposal-list">
        {items.map(({ m, index, v }) => (
          <li key={v.id} className="agenda-proposal card">
            <h3>{v.title}</h3>
            {v.why ? <p>{v.why}</p> : null}
            {v.backerNames?.length ? <p className="agenda-backers">{t.surveys.backedBy(v.backerNames)}</p> : null}
            <p className="field-hint">
              {v.source ? v.authorName : p.by(v.authorName, v.city)}
              {v.area ? ` · ${areas.find((a) => a.slug === v.area)?.name ?? v.area}` : ""}
            </p>
            <div className="actions">
              <span className="agenda-votes">{p.votes(v.total)}</span>
              {!readOnly ? (
                <>
                  <button type="button" className="button-small" onClick={() => vote(m, 1)} disabled={left <= 0}>
                    {p.voteShort}
                    <span className="visually-hidden">: {v.title}</span>
                  </button>
                  <button type="button" className="button-small button-secondary" onClick={() => vote(m, -1)} disabled={!(v.votes[String(user.id)] > 0)}>
                    {p.unvoteShort}
                    <span className="visually-hidden">: {v.title}</span>
                  </button>
                </>
              ) : null}
              {canManage && !readOnly ? (
                <button type="button" className="button-small button-secondary" onClick={() => toSession(index)}>
                  {p.toSession}
                  <span className="visually-hidden">: {v.title}</span>
                </button>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
      {!readOnly ? (
        <form onSubmit={submit} className="stack agenda-proposal-form" aria-labelledby="agenda-propose-h">
          <h3 id="agenda-propose-h">{p.add}</h3>
          <div className="field">
            <label htmlFor="proposal-title">{p.title}</label>
            <input id="proposal-title" required maxLength={300} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="proposal-why">{p.why}</label>
            <textarea id="proposal-why" maxLength={2000} rows={3} value={form.why} onChange={(e) => setForm({ ...form, why: e.target.value })} />
          </div>
          <div className="field">
            <label htmlFor="proposal-area">{p.area}</label>
            <select id="proposal-area" value={form.area} onChange={(e) => setForm({ ...form, area: e.target.value })}>
              <option value="">{t.agenda.sessions.noArea}</option>
              {areas.map((a) => (
                <option key={a.slug} value={a.slug}>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button">
            {p.add}
          </button>
        </form>
      ) : null}
    </section>
  );
}
