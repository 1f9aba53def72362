import * as Y from "yjs";
import { agendaRoots } from "../../app/realtime/agenda-doc.js";

type Votes = Map<string, Map<string, unknown>>; // proposal id → voter id → dots
type Shadow = { budget: unknown; votes: Votes };

function snapshot(doc: Y.Doc): Shadow {
  const { proposals, meta } = agendaRoots(doc);
  const votes: Votes = new Map();
  for (const p of proposals.toArray()) {
    if (!(p instanceof Y.Map)) continue;
    const v = p.get("votes");
    votes.set(String(p.get("id")), new Map(v instanceof Y.Map ? [...v.entries()] : []));
  }
  return { budget: meta.get("dotsBudget"), votes };
}

const validDots = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v) && v >= 0;

/**
 * Dot voting is the one part of the agenda that is not free collaboration: each person spends only their own dots,
 * within the moderator's budget, and only the server sets the budget. Yjs lets any editor write anywhere, so every
 * transaction from a connection that touches proposals or the budget is checked against the last accepted state,
 * and offending values are written back (as a server change every client receives). Returns a detach function.
 */
export function guardVotes(doc: Y.Doc, opts: { userOf: (origin: unknown) => number | null; onViolation: (userId: number, what: string) => void }): () => void {
  const { proposals, meta } = agendaRoots(doc);
  let shadow = snapshot(doc);

  const touchesVotes = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) {
      if ((type as unknown) === meta || (type as unknown) === proposals) return true;
      if (type._item && Y.isParentOf(proposals, type._item)) return true;
    }
    return false;
  };

  const onAfterTransaction = (tr: Y.Transaction) => {
    if (!touchesVotes(tr)) return;
    const userId = opts.userOf(tr.origin);
    const current = snapshot(doc);
    if (userId === null) {
      shadow = current; // loaded, relayed from another instance, or written by the server: trusted
      return;
    }
    const me = String(userId);
    const fixes: { proposal: string; voter: string; value: unknown }[] = [];
    let budgetChanged = false;
    if (current.budget !== shadow.budget) budgetChanged = true;
    let mine = 0;
    let mineValid = true;
    for (const [proposal, now] of current.votes) {
      const before = shadow.votes.get(proposal) ?? new Map<string, unknown>();
      for (const voter of new Set([...now.keys(), ...before.keys()])) {
        if (voter === me) continue;
        if (now.get(voter) !== before.get(voter)) fixes.push({ proposal, voter, value: before.get(voter) });
      }
      const dots = now.get(me);
      if (dots !== undefined) {
        if (!validDots(dots)) mineValid = false;
        else mine += dots;
      }
    }
    const budget = typeof shadow.budget === "number" ? shadow.budget : Infinity;
    if (!mineValid || mine > budget) {
      for (const [proposal, now] of current.votes) {
        const before = shadow.votes.get(proposal)?.get(me);
        if (now.get(me) !== before) fixes.push({ proposal, voter: me, value: before });
      }
    }
    if (!budgetChanged && fixes.length === 0) {
      shadow = current;
      return;
    }
    opts.onViolation(userId, budgetChanged ? "budget" : fixes.some((f) => f.voter !== me) ? "others' votes" : "over budget");
    const accepted = shadow;
    // Written after this transaction has finished, as the server's own change.
    queueMicrotask(() => {
      doc.transact(() => {
        if (budgetChanged) {
          if (accepted.budget === undefined) meta.delete("dotsBudget");
          else meta.set("dotsBudget", accepted.budget);
        }
        for (const p of proposals.toArray()) {
          if (!(p instanceof Y.Map)) continue;
          const votes = p.get("votes");
          if (!(votes instanceof Y.Map)) continue;
          for (const f of fixes.filter((x) => x.proposal === String(p.get("id")))) {
            if (f.value === undefined) votes.delete(f.voter);
            else votes.set(f.voter, f.value);
          }
        }
      }, "server");
    });
  };

  doc.on("afterTransaction", onAfterTransaction);
  return () => doc.off("afterTransaction", onAfterTransaction);
}
